"""Drives headless Chromium through the portal as a school's designated safeguarding lead would: sign in,
start the return, make a mistake, see the error summary, fix it, fill in every page, check the answers,
submit, and see the confirmation with the submission number. Then the policy officer opens the schools
report. A screenshot of each step goes to the output folder. Run by scripts/browser-check.

Usage: browser_check.py SAFEGUARD_BINARY REPOSITORY OUTPUT_FOLDER
"""

import csv
import os
import re
import signal
import subprocess
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

BINARY, ROOT, OUT = sys.argv[1], os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3])
os.makedirs(OUT, exist_ok=True)
WORK = tempfile.mkdtemp(prefix="safeguard-browser-")
DATABASE = os.path.join(WORK, "portal.sqlite")
COMMON = ["--database", DATABASE, "--forms", os.path.join(ROOT, "Forms"), "--rules", os.path.join(ROOT, "Rules")]
FORM = "section11-school-return"
steps = 0


def safeguard(*arguments):
    """Runs a safeguard command in the work folder and returns what it printed."""
    done = subprocess.run([BINARY, *arguments, *COMMON], cwd=WORK, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"safeguard {' '.join(arguments)} failed:\n{done.stderr}")
    return done.stdout


def check(condition, what):
    """Stops the check with a message when something a user would see is not there, and the page's errors."""
    if not condition:
        shown = [element.text for element in driver.find_elements(By.CSS_SELECTOR, ".govuk-error-summary")]
        sys.exit(f"browser-check FAILED: {what}\non {driver.current_url}: {' '.join(shown) or 'no error summary'}")
    print(f"  ok: {what}")


def screenshot(driver, name):
    """Saves the whole page as OUT/NN-name.png."""
    global steps
    steps += 1
    driver.set_window_size(1280, 900)
    height = driver.execute_script("return document.body.scrollHeight")
    driver.set_window_size(1280, max(900, min(height + 40, 8000)))
    path = os.path.join(OUT, f"{steps:02d}-{name}.png")
    driver.save_screenshot(path)
    print(f"step {steps}: {name} -> {path}")


def fill(driver, name, value):
    """Answers one question the way a person does: types, ticks or chooses."""
    elements = driver.find_elements(By.NAME, name)
    if not elements:
        sys.exit(f"browser-check FAILED: the page has no input named {name}")
    kind = elements[0].get_attribute("type")
    if kind in ("radio", "checkbox"):
        for choice in value if isinstance(value, list) else [value]:
            box = driver.find_element(By.CSS_SELECTOR, f'input[name="{name}"][value="{choice}"]')
            if not box.is_selected():
                driver.execute_script("arguments[0].click()", box)
    else:
        elements[0].clear()
        elements[0].send_keys(value)


def date(driver, name, iso):
    """Types a date into its day, month and year boxes."""
    year, month, day = iso.split("-")
    fill(driver, f"{name}.day", str(int(day)))
    fill(driver, f"{name}.month", str(int(month)))
    fill(driver, f"{name}.year", year)


def press(driver, value):
    """Presses the button that sends `value`, and waits for the next page."""
    page = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, f'button[value="{value}"]').click()
    WebDriverWait(driver, 20).until(expected_conditions.staleness_of(page))


def sign_in(driver, base, token):
    driver.get(base + "/sign-in")
    fill(driver, "token", token)
    press(driver, "sign-in")


print(f"Making a sample county in {WORK}")
safeguard("demo", "--schools", "12", "--drivers", "10", "--out", os.path.join(WORK, "county"))
with open(os.path.join(WORK, "county", "register.csv"), newline="") as register:
    schools = [row for row in csv.DictReader(register) if row["EstablishmentStatus (name)"] == "Open"]
school = next(row for row in schools if row["PhaseOfEducation (name)"] in ("Primary", "Secondary"))
years = ["year-5", "year-6"] if school["PhaseOfEducation (name)"] == "Primary" else ["year-9", "year-10"]
school_token = safeguard("users", "add", "--role", "school", "--scope", school["URN"]).strip().splitlines()[-1]
policy_token = safeguard("users", "add", "--role", "policy", "--name", "Board policy officer").strip().splitlines()[-1]

server = subprocess.Popen(
    [BINARY, "serve", "--port", "0", *COMMON], cwd=WORK, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
)
line = server.stdout.readline()
match = re.search(r"serving on (http://127\.0\.0\.1:\d+)/", line)
if not match:
    server.kill()
    sys.exit(f"browser-check FAILED: the server did not start: {line}{server.stderr.read()}")
BASE = match.group(1)
print(f"The portal is at {BASE}; {school['EstablishmentName']} (URN {school['URN']}) signs in")

options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"):
    options.add_argument(flag)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
try:
    sign_in(driver, BASE, school_token)
    check(school["EstablishmentName"] in driver.page_source, "the school's home page names the school")
    screenshot(driver, "school-home")

    driver.find_element(By.CSS_SELECTOR, "a.govuk-button").click()
    check(driver.current_url.endswith(f"/forms/{FORM}/pages/school"), "the return starts on its first page")
    urn = driver.find_element(By.ID, "school-urn")
    check(urn.get_attribute("value") == school["URN"], "the URN is filled in from the register")
    check(urn.get_attribute("readonly") is not None, "and cannot be changed")
    fill(driver, "school.type", "academy")
    fill(driver, "school.dsl_name", "Jo Smith")
    fill(driver, "school.dsl_email", "jo.smith at school")
    date(driver, "school.dsl_last_training", "2025-06-10")
    fill(driver, "school.safeguarding_governor", "Sam Patel")
    screenshot(driver, "first-page-with-a-mistake")
    press(driver, "continue")

    summary = driver.find_element(By.CSS_SELECTOR, ".govuk-error-summary")
    check(summary.is_displayed(), "the error summary is shown at the top")
    link = summary.find_element(By.CSS_SELECTOR, "a")
    check("email" in link.text.lower(), f"it names the mistake: {link.text}")
    check(driver.find_element(By.ID, "school-dsl_email-error").is_displayed(), "the error is beside the field")
    check(driver.find_element(By.ID, "school-dsl_email").get_attribute("value") == "jo.smith at school",
          "the answer is kept to be corrected")
    check(driver.find_element(By.NAME, "school.dsl_name").get_attribute("value") == "Jo Smith",
          "the other answers are kept")
    screenshot(driver, "error-summary")
    link.click()
    check(driver.switch_to.active_element.get_attribute("id") == "school-dsl_email",
          "the summary's link takes the cursor to the field")

    fill(driver, "school.dsl_email", "jo.smith@school.example.org")
    press(driver, "continue")
    check(driver.current_url.endswith("/pages/cse"), "fixed, the return moves on to CSE")

    fill(driver, "cse.delivered", "yes")
    fill(driver, "cse.sessions.0.audience", "pupils")
    fill(driver, "cse.sessions.0.year_groups", years)
    fill(driver, "cse.sessions.0.provider_type", "theatre")
    fill(driver, "cse.sessions.0.provider_name", "Alter Ego Theatre")
    fill(driver, "cse.sessions.0.programme", "Chelsea's Choice")
    date(driver, "cse.sessions.0.date", "2025-11-12")
    fill(driver, "cse.sessions.0.number_reached", "180")
    fill(driver, "cse.sessions.0.quality_assured", "yes")
    fill(driver, "cse.sessions.0.quality_assured_by", "The board's CSE officer watched it")
    press(driver, "add:cse.sessions")
    check("Session 2" in driver.page_source, "add another session gives a second one")
    fill(driver, "cse.sessions.1.audience", "parents")
    fill(driver, "cse.sessions.1.provider_type", "in-house")
    date(driver, "cse.sessions.1.date", "2026-01-20")
    fill(driver, "cse.sessions.1.quality_assured", "no")
    screenshot(driver, "cse-two-sessions")
    press(driver, "continue")

    fill(driver, "missing.delivered", "no")
    press(driver, "continue")
    fill(driver, "staff.induction_covers_cse", "yes")
    date(driver, "staff.last_all_staff_update", "2026-09-03")
    fill(driver, "staff.staff_total", "60")
    fill(driver, "staff.staff_trained", "55")
    press(driver, "continue")
    fill(driver, "reach.parents_informed", "yes")
    fill(driver, "reach.parents_how", "A parents' evening with the police team")
    fill(driver, "reach.governors_trained", "yes")
    date(driver, "reach.governors_training_date", "2026-01-14")
    press(driver, "continue")
    fill(driver, "plans.next_year", "Chelsea's Choice again for Year 9, and Missing education for Year 10")
    press(driver, "continue")
    fill(driver, "declaration.name", "Alex Morgan")
    fill(driver, "declaration.role", "headteacher")
    date(driver, "declaration.date", "2026-09-20")
    fill(driver, "declaration.confirmed", "yes")
    press(driver, "continue")

    check(driver.current_url.endswith(f"/forms/{FORM}/check"), "the last page leads to check your answers")
    check("Check your answers before submitting your return" in driver.page_source, "check your answers is shown")
    check("Fix these before you submit" not in driver.page_source, "with nothing left to fix")
    check("Alter Ego Theatre" in driver.page_source, "every answer is listed")
    screenshot(driver, "check-your-answers")
    press(driver, "submit")

    panel = driver.find_element(By.CSS_SELECTOR, ".govuk-panel--confirmation")
    number = panel.find_element(By.TAG_NAME, "strong").text
    check("Return submitted" in panel.text and number.isdigit(), f"the confirmation gives submission number {number}")
    screenshot(driver, "confirmation")

    messages = [entry["message"] for entry in driver.get_log("browser")]
    check(not any("Content Security Policy" in message for message in messages),
          "no page broke the Content-Security-Policy")

    driver.delete_all_cookies()
    sign_in(driver, BASE, policy_token)
    driver.get(BASE + "/reports/schools")
    check(driver.find_elements(By.CSS_SELECTOR, "figure svg"), "the policy officer's schools report has its charts")
    screenshot(driver, "policy-schools-report")
finally:
    driver.quit()
    server.send_signal(signal.SIGTERM)
    stopped = server.wait(timeout=20)
    print(f"The server stopped on SIGTERM with status {stopped}")

if stopped != 0:
    sys.exit("browser-check FAILED: the server did not stop cleanly")
print(f"browser-check passed: {steps} screenshots in {OUT}")
