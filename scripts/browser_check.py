"""Checks the portal in headless Chromium as its users meet it, and fails on anything a user would stumble on.

Three checks, on a sample county served by `safeguard serve` on a free loopback port:
- axe-core 4.10 (WCAG 2.2 A and AA, and best practice) on every page state each role can reach: each page, its
  error states, "Add another", a return sent back, a refused decision;
- reflow (WCAG 1.4.10): each of those page states at 320 CSS pixels wide must not scroll sideways (a wide
  table may scroll inside its own region);
- a keyboard walk of the school's journey: the skip link first, Tab in the order of the page, Enter in a text
  box continues (never removes an item), focus on the error summary after a failed Continue and on the field
  after its link, focus on the new item after "Add another".
A screenshot of the main steps goes to the output folder. Run by scripts/browser-check.

Usage: browser_check.py SAFEGUARD_BINARY REPOSITORY OUTPUT_FOLDER AXE_SCRIPT
"""

import csv
import json
import os
import re
import signal
import subprocess
import sys
import tempfile

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

BINARY, ROOT, OUT, AXE = sys.argv[1], os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3]), sys.argv[4]
os.makedirs(OUT, exist_ok=True)
for old in os.listdir(OUT):
    if old.endswith(".png"):
        os.remove(os.path.join(OUT, old))
WORK = tempfile.mkdtemp(prefix="safeguard-browser-")
DATABASE = os.path.join(WORK, "portal.sqlite")
COMMON = ["--database", DATABASE, "--forms", os.path.join(ROOT, "Forms"), "--rules", os.path.join(ROOT, "Rules")]
SCHOOL_FORM = "section11-school-return"
DRIVER_FORM = "taxi-driver-application"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
NARROW = 320

states = []  # each page state examined: (role, name, url, violations, reflow problem or None)
keyboard = []  # each keyboard check: (what, passed)
failures = []  # what went wrong outside axe, reflow and the keyboard: a step that could not be done
shots = 0


def safeguard(*arguments):
    """Runs a safeguard command in the work folder and returns what it printed."""
    done = subprocess.run([BINARY, *arguments, *COMMON], cwd=WORK, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        sys.exit(f"safeguard {' '.join(arguments)} failed:\n{done.stderr}")
    return done.stdout


def token(*arguments):
    """A new account's sign-in token."""
    return safeguard("users", "add", *arguments).strip().splitlines()[-1]


def step(condition, what):
    """Records a step a user needs that did not work, with what the page showed."""
    if condition:
        return True
    shown = [element.text for element in driver.find_elements(By.CSS_SELECTOR, ".govuk-error-summary")]
    failures.append(f"{what} (on {driver.current_url}: {' '.join(shown) or 'no error summary'})")
    print(f"  FAILED: {what}")
    return False


def key_check(condition, what):
    """Records one keyboard check."""
    keyboard.append((what, bool(condition)))
    print(f"  keyboard {'ok' if condition else 'FAILED'}: {what}")


def examine(role, name, screenshot=None):
    """Runs axe-core on the page as it stands, then the reflow probe at 320 CSS pixels; saves a screenshot."""
    with open(AXE, encoding="utf8") as script:
        driver.execute_script(script.read())
    options = json.dumps({"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    results = driver.execute_async_script(
        f"const done = arguments[arguments.length - 1]; axe.run(document, {options}).then(done)")
    violations = [
        (violation["id"], violation["impact"], [node["target"] for node in violation["nodes"]][:3])
        for violation in results["violations"]]
    if screenshot:
        save(screenshot)
    reflow = narrow_problem()
    states.append((role, name, driver.current_url.replace(BASE, ""), violations, reflow))
    verdict = "ok" if not violations and not reflow else "FAILED"
    print(f"  {verdict}: {role}: {name} ({len(violations)} axe violations{'; ' + reflow if reflow else ''})")


def narrow_problem():
    """At 320 CSS pixels wide: None when the page does not scroll sideways, else what sticks out."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": NARROW, "height": 640, "deviceScaleFactor": 1, "mobile": False})
    try:
        wide = driver.execute_script("return document.documentElement.scrollWidth")
        if wide <= NARROW:
            return None
        culprits = driver.execute_script("""
            const width = document.documentElement.clientWidth;
            const inScroller = e => { for (let p = e.parentElement; p; p = p.parentElement) {
                const s = getComputedStyle(p); if (s.overflowX === 'auto' || s.overflowX === 'scroll') return true; }
                return false; };
            return [...document.querySelectorAll('main *')]
                .filter(e => e.getBoundingClientRect().right > width + 1 && !inScroller(e))
                .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
                    (e.className ? '.' + String(e.className).split(' ')[0] : ''));""")
        return f"{wide} px wide at {NARROW}: {', '.join(culprits) or 'the page'}"
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def save(name, narrow=False):
    """Saves what the screen shows as OUT/NN-name.png: 1280 by 900 pixels, or a phone's 320 by 640 when narrow."""
    global shots
    shots += 1
    if narrow:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": NARROW, "height": 640, "deviceScaleFactor": 1, "mobile": False})
    driver.save_screenshot(os.path.join(OUT, f"{shots:02d}-{name}{'-320px' if narrow else ''}.png"))
    if narrow:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def fill(name, value):
    """Answers one question the way a person does: types, ticks or chooses."""
    elements = driver.find_elements(By.NAME, name)
    if not step(elements, f"the page has an input named {name}"):
        return
    kind = elements[0].get_attribute("type")
    if kind in ("radio", "checkbox"):
        for choice in value if isinstance(value, list) else [value]:
            box = driver.find_element(By.CSS_SELECTOR, f'input[name="{name}"][value="{choice}"]')
            if not box.is_selected():
                driver.execute_script("arguments[0].click()", box)
    elif elements[0].tag_name == "select":
        elements[0].find_element(By.CSS_SELECTOR, f'option[value="{value}"]').click()
    else:
        elements[0].clear()
        elements[0].send_keys(value)


def date(name, iso):
    """Types a date into its day, month and year boxes."""
    year, month, day = iso.split("-")
    fill(f"{name}.day", str(int(day)))
    fill(f"{name}.month", str(int(month)))
    fill(f"{name}.year", year)


def wait_until(condition):
    """Waits up to 20 seconds for `condition(driver)`; an error from a page in the middle of loading (Chromium's
    "Node ... does not belong to the document", say) counts as not yet."""
    WebDriverWait(driver, 20, ignored_exceptions=[WebDriverException]).until(condition)


def leaving():
    """Marks the page shown, so that `arrived` can tell when another one has loaded in its place."""
    driver.execute_script("window.browserCheckLeft = true")


def arrived(d):
    """True once a page other than the one marked by `leaving` has loaded."""
    return d.execute_script("return window.browserCheckLeft === undefined && document.readyState === 'complete'")


def follow(selector):
    """Follows the link `selector` finds in the page, and waits for the page it leads to."""
    leaving()
    driver.find_element(By.CSS_SELECTOR, selector).click()
    wait_until(arrived)


def press(value, within="main"):
    """Presses the visible button that sends `value`, and waits for the next page. A click the browser dropped
    (seen once in about ten runs here, signing in) is made again through the button's form, once."""
    selector = f'{within} button[value="{value}"]:not(.govuk-visually-hidden)'
    buttons = [button for button in driver.find_elements(By.CSS_SELECTOR, selector) if button.is_displayed()]
    if not step(buttons, f"there is a button to {value}"):
        return
    leaving()
    buttons[0].click()
    try:
        wait_until(arrived)
    except TimeoutException:
        driver.execute_script("arguments[0].form.requestSubmit(arguments[0])", buttons[0])
        wait_until(arrived)


def go(path):
    """Opens a page of the portal by its path."""
    driver.get(BASE + path)


def tour(role, pages):
    """Opens each page (path, name, and a screenshot's name or None) and examines it."""
    for path, name, shot in pages:
        go(path)
        examine(role, name, shot)


def sign_in(account):
    """Signs in with an account's token, as a new visitor."""
    driver.delete_all_cookies()
    go("/sign-in")
    fill("token", account)
    press("sign-in")


def active():
    """The element that has the keyboard's focus: its id, tag and classes."""
    return driver.execute_script(
        "const e = document.activeElement; return {id: e.id, tag: e.tagName.toLowerCase(), "
        "cls: String(e.className), text: (e.innerText || e.value || '').slice(0, 40)}")


def tab(times=1, shift=False):
    """Presses Tab (or Shift+Tab) and returns what has the focus."""
    chain = ActionChains(driver)
    for _ in range(times):
        chain = chain.key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT) if shift else chain.send_keys(
            Keys.TAB)
    chain.perform()
    return active()


def tab_order_follows_page(what):
    """Tabs through the whole page: each stop visible, in the page's reading order, the hidden default never."""
    driver.execute_script("document.activeElement.blur(); window.scrollTo(0, 0)")
    order, seen = [], set()
    for _ in range(200):
        tab()
        stop = driver.execute_script("""
            const e = document.activeElement; if (e === document.body) return null;
            const r = e.getBoundingClientRect();
            const all = [...document.querySelectorAll('*')];
            return {index: all.indexOf(e), visible: r.width > 0 && r.height > 0, name: e.name || e.id || e.tagName};""")
        if stop is None or stop["index"] in seen:
            break
        seen.add(stop["index"])
        order.append(stop)
    key_check(len(order) > 3, f"{what}: Tab reaches the page's links, inputs and buttons ({len(order)} stops)")
    key_check(all(stop["visible"] for stop in order), f"{what}: every Tab stop is visible")
    indices = [stop["index"] for stop in order]
    key_check(indices == sorted(indices), f"{what}: Tab follows the order of the page")


def school_journey(school, school_token):
    """The school's DSL, from sign-in to the confirmation, by mouse and keyboard."""
    role = "school"
    sign_in(school_token)
    step(school["EstablishmentName"] in driver.page_source, "the school's home page names the school")
    examine(role, "home, return not started", "school-home")
    driver.execute_script("document.activeElement.blur(); window.scrollTo(0, 0)")
    first = tab()
    key_check("govuk-skip-link" in first["cls"], f"the first Tab stop is 'Skip to main content' (was {first})")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    key_check(driver.current_url.endswith("#main"), "Enter on the skip link goes to the main content")

    follow("main a.govuk-button")
    step(driver.current_url.endswith(f"/forms/{SCHOOL_FORM}/pages/school"), "the return starts on its first page")
    examine(role, "about the school")
    tab_order_follows_page("about the school")
    fill("school.type", "academy")
    fill("school.dsl_name", "Jo Smith")
    fill("school.dsl_email", "jo.smith at school")
    date("school.dsl_last_training", "2025-06-10")
    fill("school.safeguarding_governor", "Sam Patel")
    leaving()
    driver.find_element(By.NAME, "school.dsl_name").send_keys(Keys.ENTER)
    wait_until(lambda d: arrived(d) and d.find_elements(By.CSS_SELECTOR, ".govuk-error-summary"))
    step(driver.title.startswith("Error: "), "a page with errors says so first in its title")
    focused = active()
    key_check("govuk-error-summary" in focused["cls"], f"after Continue with a mistake, focus is on the error "
              f"summary (was {focused['tag']}#{focused['id']})")
    examine(role, "about the school, with an error", "error-summary")
    link = driver.find_element(By.CSS_SELECTOR, ".govuk-error-summary a")
    step("email" in link.text.lower(), f"the summary names the mistake: {link.text}")
    link.click()
    key_check(active()["id"] == "school-dsl_email", "the summary's link puts the cursor in the field")
    fill("school.dsl_email", "jo.smith@school.example.org")
    press("continue")
    step(driver.current_url.endswith("/pages/cse"), "fixed, the return moves on to CSE")

    examine(role, "CSE, empty")
    press("continue")
    examine(role, "CSE, with errors")
    fill("cse.delivered", "yes")
    years = ["year-5", "year-6"] if school["PhaseOfEducation (name)"] == "Primary" else ["year-9", "year-10"]
    for index, (audience, provider, day) in enumerate(
            [("pupils", "theatre", "2025-11-12"), ("parents", "in-house", "2026-01-20"),
             ("teaching-staff", "police", "2026-03-02")]):
        if index > 0:
            press("add:cse.sessions")
            focused = active()
            key_check(focused["id"].startswith(f"cse-sessions-{index}-"),
                      f"after 'Add another session', focus is in session {index + 1} (was {focused['id']})")
            if index == 1:
                examine(role, "CSE, after Add another", "cse-add-another")
        fill(f"cse.sessions.{index}.audience", audience)
        if audience == "pupils":
            fill(f"cse.sessions.{index}.year_groups", years)
        fill(f"cse.sessions.{index}.provider_type", provider)
        if provider != "in-house":
            fill(f"cse.sessions.{index}.provider_name", "Alter Ego Theatre" if index == 0 else "The RISE team")
        date(f"cse.sessions.{index}.date", day)
        fill(f"cse.sessions.{index}.quality_assured", "no")
    examine(role, "CSE, three sessions", "cse-three-sessions")
    leaving()
    driver.find_element(By.NAME, "cse.sessions.0.provider_name").send_keys(Keys.ENTER)
    wait_until(lambda d: arrived(d) and "/pages/cse" not in d.current_url)
    key_check(driver.current_url.endswith("/pages/missing"), "Enter in a text box continues to the next page")
    go(f"/forms/{SCHOOL_FORM}/pages/cse")
    sessions = len(driver.find_elements(By.CSS_SELECTOR, ".govuk-repeat-item"))
    key_check(sessions == 3, f"and removes nothing: 3 sessions are still there (found {sessions})")
    press("remove:cse.sessions:2")
    examine(role, "CSE, a session removed", "cse-removed")
    undo = driver.find_elements(By.CSS_SELECTOR, 'main button[value="undo"]')
    step(undo, "removing a session offers to undo it")
    if undo:
        press(undo[0].get_attribute("value"))
        sessions = len(driver.find_elements(By.CSS_SELECTOR, ".govuk-repeat-item"))
        step(sessions == 3, f"undo brings the session back ({sessions} sessions)")
    press("continue")

    examine(role, "Missing")
    fill("missing.delivered", "no")
    press("continue")
    examine(role, "staff training")
    fill("staff.induction_covers_cse", "yes")
    date("staff.last_all_staff_update", "2026-09-03")
    fill("staff.staff_total", "60")
    fill("staff.staff_trained", "55")
    press("continue")
    examine(role, "parents, carers and governors")
    fill("reach.parents_informed", "yes")
    fill("reach.parents_how", "A parents' evening with the police team")
    fill("reach.governors_trained", "yes")
    date("reach.governors_training_date", "2026-01-14")
    press("continue")
    examine(role, "next year")
    fill("plans.next_year", "Chelsea's Choice again for Year 9, and Missing education for Year 10")
    press("continue")
    examine(role, "declaration")
    press("save")
    examine(role, "home, draft saved")
    follow("main a.govuk-button")
    step("/pages/declaration" in driver.current_url, "carry on where you left off opens the declaration")
    fill("declaration.name", "Alex Morgan")
    fill("declaration.role", "headteacher")
    for box in driver.find_elements(By.CSS_SELECTOR, 'input[name="declaration.confirmed"]'):
        if box.get_attribute("value") in ("yes", "true") and not box.is_selected():
            driver.execute_script("arguments[0].click()", box)
    for name in ("declaration.date.day", "declaration.date.month", "declaration.date.year"):
        if driver.find_elements(By.NAME, name):
            date("declaration.date", "2026-09-20")
            break
    press("continue")

    step(driver.current_url.endswith(f"/forms/{SCHOOL_FORM}/check"), "the last page leads to check your answers")
    step("Fix these before you submit" not in driver.page_source, "with nothing left to fix")
    examine(role, "check your answers", "check-your-answers")
    save("check-your-answers", narrow=True)
    press("submit")
    panel = driver.find_elements(By.CSS_SELECTOR, ".govuk-panel--confirmation")
    step(panel and "Return submitted" in panel[0].text, "the confirmation is shown")
    examine(role, "confirmation", "confirmation")
    follow("main a[href^='/submissions/']")
    examine(role, "the stored return")
    tour(role, [("/", "home, return received", None), ("/submissions", "returns sent", None)])


def sent_back_journey(sent_back_token):
    """A school whose return was sent back: its home, and the corrected return opening at the mistake."""
    role = "school"
    sign_in(sent_back_token)
    step("Sent back to correct" in driver.page_source, "the home page says the return was sent back")
    examine(role, "home, return sent back", "school-sent-back")
    follow("main a.govuk-button")
    step("errors=shown" in driver.current_url, "the corrected return opens at the page with the mistake")
    step(driver.find_elements(By.CSS_SELECTOR, ".govuk-error-message"), "with the mistake marked on its field")
    examine(role, "corrected return, mistake marked", "corrected-return")


def last_year_journey(last_year_token):
    """A school that returned last year starts this year's return from those answers, each page to confirm."""
    role = "school"
    sign_in(last_year_token)
    examine(role, "home, last year's answers offered")
    press("start")
    step("These answers are from your return for" in driver.page_source,
         "the first page says its answers are last year's")
    examine(role, "about the school, carried from last year", "carried-from-last-year")
    go(f"/forms/{SCHOOL_FORM}/check")
    step("Check the answers carried from" in driver.page_source, "check your answers lists the pages to confirm")
    examine(role, "check your answers, pages to confirm")


def licensing_journey(officer_token):
    """A district licensing officer: lists, a driver's page, a refused decision and check, history, reports."""
    role = "licensing"
    sign_in(officer_token)
    examine(role, "home")
    go("/submissions")
    examine(role, "applications", "licensing-list")
    save("licensing-list", narrow=True)
    application_id = re.search(r'href="/submissions/(\d+)"', driver.page_source).group(1)
    go("/submissions?decision=referred&q=a&show=1")
    examine(role, "applications, filtered")
    go(f"/submissions/{application_id}")
    examine(role, "a driver's application", "driver-application")
    press("decide")
    step(driver.title.startswith("Error: "), "a refused decision says so in the title")
    focused = active()
    key_check("govuk-error-summary" in focused["cls"], "a refused decision puts focus on its error summary")
    examine(role, "a decision refused")
    go(f"/submissions/{application_id}")
    press("check")
    examine(role, "a DBS check refused")
    tour(role, [
        (f"/submissions/{application_id}/history", "a driver's history", None),
        ("/licensing/actions", "drivers needing action", None),
        ("/licensing/actions?due=30&show=1", "drivers needing action, within 30 days", None),
        ("/licensing/register", "the JOF's shared register", None),
        ("/reports/licensing", "licensing report", None),
        (f"/forms/{DRIVER_FORM}/pages/application", "a new application, first page", None),
    ])
    press("continue")
    examine(role, "a new application, with errors")
    go(f"/forms/{DRIVER_FORM}/pages/convictions")
    examine(role, "convictions")
    press("add:convictions.offences") if driver.find_elements(
        By.CSS_SELECTOR, 'button[value="add:convictions.offences"]') else None
    examine(role, "convictions, after Add another")
    go(f"/forms/{DRIVER_FORM}/check")
    examine(role, "a new application, check your answers")


def policy_journey(policy_token, return_id):
    """The board's policy officer: the returns, a school's history, the three reports, the audit log."""
    sign_in(policy_token)
    tour("policy", [
        ("/", "home", None), ("/submissions", "every school return", None),
        (f"/submissions/{return_id}", "a school's return", None),
        (f"/submissions/{return_id}/history", "a school's history", None),
        ("/reports/schools", "schools report", "policy-schools-report"), ("/reports/chase", "schools to chase", None),
        ("/reports/licensing", "licensing report", None), ("/audit", "audit log", "audit-log"),
        ("/audit?action=read&show=1", "audit log, filtered", None),
    ])


def admin_journey(admin_token):
    """The administrator: accounts, a refused account and transfer, lockouts."""
    role = "admin"
    sign_in(admin_token)
    tour(role, [("/", "home", None), ("/admin/users", "accounts", "admin-accounts")])
    press("add")
    examine(role, "accounts, an account refused")
    tour(role, [("/admin/transfers", "transfers", None)])
    press("transfer")
    examine(role, "transfers, a transfer refused")
    tour(role, [("/admin/lockouts", "sign-in lockouts", None)])


def summary():
    """The table of page states and what was found; True when everything passed."""
    lines = [f"browser-check: {len(states)} page states with axe-core {AXE_VERSION} ({', '.join(AXE_TAGS)}), "
             f"reflow at {NARROW} CSS pixels, {len(keyboard)} keyboard checks", ""]
    lines.append(f"{'role':<10} {'page state':<42} {'axe':>4} {'reflow':<7} path")
    for role, name, url, violations, reflow in states:
        lines.append(f"{role:<10} {name:<42} {len(violations):>4} {'ok' if not reflow else 'FAILED':<7} {url}")
        lines += [f"{'':<10}   axe {rule} ({impact}): {targets}" for rule, impact, targets in violations]
        lines += [f"{'':<10}   reflow: {reflow}"] if reflow else []
    violations = sum(len(state[3]) for state in states)
    reflows = sum(1 for state in states if state[4])
    passed = sum(1 for _, ok in keyboard if ok)
    lines += ["", f"axe violations: {violations}; reflow failures: {reflows}; keyboard checks passed: "
                  f"{passed} of {len(keyboard)}; steps that failed: {len(failures)}"]
    lines += [f"  keyboard FAILED: {what}" for what, ok in keyboard if not ok]
    lines += [f"  step FAILED: {what}" for what in failures]
    text = "\n".join(lines)
    print(text)
    with open(os.path.join(OUT, "summary.txt"), "w") as out:
        out.write(text + "\n")
    return violations == 0 and reflows == 0 and passed == len(keyboard) and not failures


print(f"Making a sample county in {WORK}")
safeguard("demo", "--schools", "40", "--drivers", "40", "--out", os.path.join(WORK, "county"))
with open(os.path.join(WORK, "county", "register.csv"), newline="") as register:
    schools = {row["URN"]: row for row in csv.DictReader(register)}
chase = json.loads(safeguard("report", "chase", "--format", "json"))["tables"][0]["rows"]
not_returned = next(schools[row["URN"]] for row in chase if row["Status"] == "not returned"
                    and schools[row["URN"]]["PhaseOfEducation (name)"] in ("Primary", "Secondary"))
round_folder = sorted(os.scandir(os.path.join(WORK, "county", "returns")), key=lambda entry: entry.name)[-1].path
returned = sorted(name for name in os.listdir(round_folder) if name.endswith(".yaml"))
earlier_folder = sorted(os.scandir(os.path.join(WORK, "county", "returns")), key=lambda entry: entry.name)[-2].path
last_year_only = sorted(name[:-5] for name in os.listdir(earlier_folder)
                        if name.endswith(".yaml") and name not in returned and name[:-5] != not_returned["URN"])
returned_urn = returned[0][:-5]
with open(os.path.join(round_folder, returned[1])) as source:
    mistaken = re.sub(r"dsl_email: .*", 'dsl_email: "not an address"', source.read())
with open(os.path.join(WORK, "sent-back.yaml"), "w") as out:
    out.write(mistaken)
safeguard("submit", os.path.join(WORK, "sent-back.yaml"))
applications = sorted(os.scandir(os.path.join(WORK, "county", "applications")), key=lambda entry: entry.name)
district = re.search(r"^\s+district: (\S+)$", open(applications[0].path).read(), re.M).group(1)
tokens = {
    "school": token("--role", "school", "--scope", not_returned["URN"], "--name", "DSL"),
    "sent-back": token("--role", "school", "--scope", returned[1][:-5], "--name", "DSL"),
    "last-year": token("--role", "school", "--scope", last_year_only[0], "--name", "DSL"),
    "licensing": token("--role", "licensing", "--scope", district, "--name", "Licensing officer"),
    "policy": token("--role", "policy", "--name", "Board policy officer"),
    "admin": token("--role", "admin", "--name", "Administrator"),
}
with open(AXE, encoding="utf8") as script:
    AXE_VERSION = re.search(r"axe v([\d.]+)", script.read(300)).group(1)

server = subprocess.Popen(
    [BINARY, "serve", "--port", "0", *COMMON], cwd=WORK, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
line = server.stdout.readline()
match = re.search(r"serving on (http://127\.0\.0\.1:\d+)/", line)
if not match:
    server.kill()
    sys.exit(f"browser-check FAILED: the server did not start: {line}{server.stderr.read()}")
BASE = match.group(1)
print(f"The portal is at {BASE}; {not_returned['EstablishmentName']} (URN {not_returned['URN']}) signs in")

options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"):
    options.add_argument(flag)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
driver.set_script_timeout(60)
try:
    go("/sign-in")
    examine("no one", "sign in", "sign-in")
    fill("token", "sg_not-a-real-token")
    press("sign-in")
    examine("no one", "sign in, token refused")
    school_journey(not_returned, tokens["school"])
    sent_back_journey(tokens["sent-back"])
    last_year_journey(tokens["last-year"])
    return_id = json.loads(safeguard("history", returned_urn, "--format", "json"))["versions"][-1]["submission"]
    licensing_journey(tokens["licensing"])
    policy_journey(tokens["policy"], return_id)
    admin_journey(tokens["admin"])
    messages = [entry["message"] for entry in driver.get_log("browser")]
    step(not any("Content Security Policy" in message for message in messages),
         "no page broke the Content-Security-Policy")
finally:
    driver.quit()
    server.send_signal(signal.SIGTERM)
    stopped = server.wait(timeout=20)

step(stopped == 0, "the server stopped cleanly on SIGTERM")
passed = summary()
print(f"{shots} screenshots in {OUT}")
sys.exit(0 if passed else 1)
