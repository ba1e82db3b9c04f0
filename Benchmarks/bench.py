"""Benchmarks/run's measurements: every row in the same run, on the same seeded sample, median of several runs
with the min and max beside it. Run by Benchmarks/run, which builds what it needs first.

Usage: bench.py --safeguard BIN --floor BIN --python VENV_PYTHON --work DIR [--national] [--runs N]
"""

import argparse
import csv
import json
import os
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
AS_OF = "2026-10-31"


def run(command, **options):
    """Runs a command, output thrown away unless asked for; returns its wall seconds, its CPU seconds (user and
    system, of it and every process it waited for) and its result."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, **options)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu, done


def summary(label, seconds, cpu):
    """Median, min and max wall seconds and the median CPU seconds of a step's runs, printed as they were."""
    print(f"  {label}: {', '.join(f'{s:.2f}' for s in seconds)} s; CPU {', '.join(f'{c:.2f}' for c in cpu)} s",
          file=sys.stderr)
    return statistics.median(seconds), min(seconds), max(seconds), statistics.median(cpu)


def timed(label, runs, command, prepare=None, **options):
    """Median, min and max wall seconds, and median CPU seconds, of `runs` runs of a command."""
    seconds, cpu = [], []
    for _ in range(runs):
        if prepare:
            prepare()
        elapsed, used, _ = run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **options)
        seconds.append(elapsed)
        cpu.append(used)
    return summary(label, seconds, cpu)


def timed_in_turn(labelled_commands, runs):
    """`timed` for each command, run in turn (a, b, a, b, ...) so that a busy moment on a shared machine falls on
    both alike: for the floor and validate, whose ratio is the target."""
    seconds = {label: [] for label, _ in labelled_commands}
    cpu = {label: [] for label, _ in labelled_commands}
    for _ in range(runs):
        for label, command in labelled_commands:
            elapsed, used, _ = run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            seconds[label].append(elapsed)
            cpu[label].append(used)
    return [summary(label, seconds[label], cpu[label]) for label, _ in labelled_commands]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--safeguard", required=True)
    parser.add_argument("--floor", required=True)
    parser.add_argument("--python", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--national", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--store", choices=["sqlite", "postgresql"], default="sqlite")
    arguments = parser.parse_args()
    safeguard, work, runs = arguments.safeguard, arguments.work, arguments.runs
    schools, drivers = (24000, 360000) if arguments.national else (5900, 10000)
    common = ["--forms", os.path.join(ROOT, "Forms"), "--rules", os.path.join(ROOT, "Rules")]
    cores = os.cpu_count()

    county = os.path.join(work, "county")
    # The reports are timed on the county as its people would have stored it, the officers' decisions and Update
    # Service checks too: `safeguard demo` writes the sample (its day is AS_OF) and stores it so, untimed. Timed on
    # the submits' database alone, no driver was licensed (README, "Performance", stop 33).
    reported = os.path.join(work, "county.sqlite")
    print(f"Making the sample ({schools} schools, {drivers} drivers, seed 2016) and storing it with its decisions "
          "and checks (safeguard demo)...", file=sys.stderr)
    subprocess.run([safeguard, "demo", "--schools", str(schools), "--drivers", str(drivers), "--seed", "2016",
                    "--database", reported, "--out", county, *common], check=True, stdout=subprocess.DEVNULL,
                   cwd=work)
    with open(os.path.join(county, "collections.csv"), newline="") as handle:
        rounds = list(csv.DictReader(handle))
    returns = [os.path.join(county, "returns", r["name"]) for r in rounds]
    applications = os.path.join(county, "applications")
    folders = returns + [applications]
    count = lambda folder: sum(1 for name in os.listdir(folder) if name.endswith(".yaml"))
    return_files = sum(count(f) for f in returns)
    application_files = count(applications)
    files = return_files + application_files
    print(f"{return_files} returns and {application_files} applications, {files} files", file=sys.stderr)

    # The template database: the register imported and the rounds opened, not timed.
    template = os.path.join(work, "template.sqlite")
    subprocess.run([safeguard, "register", "import", os.path.join(county, "register.csv"), "--database", template,
                    *common], check=True, stdout=subprocess.DEVNULL)
    for r in rounds:
        subprocess.run([safeguard, "collection", "open", r["name"], "--form", r["form"], "--period-start",
                        r["period_start"], "--period-end", r["period_end"], "--due", r["due"], "--database", template,
                        *common], check=True, stdout=subprocess.DEVNULL)
    database = os.path.join(work, "run.sqlite")

    def fresh_database():
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(database + suffix):
                os.remove(database + suffix)
            if os.path.exists(template + suffix):
                shutil.copyfile(template + suffix, database + suffix)

    rows = []
    # The files were just written, but a host short of memory may have dropped them from the page cache since: the
    # floor reads them once, untimed, so that no timed run of either reads them from disk (stop 30's national runs
    # timed a cold first floor run: the floor's median CPU time was 36.7 s there, 25-31 s warm in stop 31's runs).
    print("Reading the files once (not timed)...", file=sys.stderr)
    run([arguments.floor, str(cores), *folders], stdout=subprocess.DEVNULL)
    print("Timing...", file=sys.stderr)
    floor, validate = timed_in_turn([
        ("floor", [arguments.floor, str(cores), *folders]),
        ("validate", [safeguard, "validate", "--as-of", AS_OF, *common, *folders]),
    ], runs)
    rows.append(("libyaml event parse (the floor)", files, *floor))
    rows.append(("safeguard validate", files, *validate))
    submit_script = " && ".join(
        [f"{safeguard} submit --quiet --collection {r['name']} --database {database} {' '.join(common)} "
         f"{os.path.join(county, 'returns', r['name'])}; true" for r in rounds]
        + [f"{safeguard} submit --quiet --database {database} {' '.join(common)} {applications}; true"])
    rows.append(("safeguard submit (new database)", files,
                 *timed("submit", runs, ["sh", "-c", submit_script], prepare=fresh_database)))
    rows += report_rows(safeguard, reported, "", runs, common)
    if arguments.store == "postgresql":
        rows += postgresql_rows(safeguard, county, rounds, applications, files, runs, common, reported)
    hostile = os.path.join(work, "hostile-100000-items.yaml")
    with open(hostile, "w") as handle:
        handle.write("form: section11-school-return\ncse:\n  sessions:\n")
        handle.write("    - {date: 2026-01-01}\n" * 100_000)
    rows.append(("validate a return of 100,000 items (refused)", 1,
                 *timed("hostile", runs, [safeguard, "validate", *common, hostile])))

    peer_rows = [] if arguments.national else compare_peers(arguments, work, runs, folders, files, common)
    rows += peer_rows

    peers_note = " (the peers skipped at this scale)" if arguments.national else ""
    print(f"\n{files} files ({return_files} returns, {application_files} applications), {cores} cores, "
          f"median of {runs} runs{peers_note}; the reports on the county as `safeguard demo` stores it, with its "
          f"officers' decisions and Update Service checks\n")
    print("| step | files | median s | min s | max s | median CPU s | files/s |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for label, n, median, low, high, cpu in rows:
        rate = f"{n / median:,.0f}" if n and n > 1 else ""
        print(f"| {label} | {n if n else ''} | {median:.3f} | {low:.3f} | {high:.3f} | {cpu:.3f} | {rate} |")
    floor, validate = rows[0], rows[1]
    ratios = [f"validate takes {validate[2] / floor[2]:.1f}x the floor in wall time and "
              f"{validate[5] / floor[5]:.1f}x in CPU time"]
    for label, _, median, _, _, _ in peer_rows:
        ratios.append(f"{median / validate[2]:.1f}x faster than {label}")
    print("\nRatios: " + "; ".join(ratios) + ".")


def report_rows(safeguard, database, store_label, runs, common):
    """Each report's row, on the county `safeguard demo` stored. The submits wrote gigabytes since, and a host short
    of memory drops the county's pages from its cache: each report runs once untimed first, as the files are read
    once before the floor, so that no timed run reads the database from disk (stop 34's national run timed the
    licensing report at 5.02 s from disk, then 1.51 s)."""
    rows = []
    for report in ("schools", "licensing"):
        command = [safeguard, "report", report, "--as-of", AS_OF, "--format", "json", "--database", database, *common]
        run(command, stdout=subprocess.DEVNULL)
        rows.append((f"safeguard report {report}{store_label}", None,
                     *timed(f"report {report}{store_label.replace(',', '')}", runs, command)))
    return rows


def postgresql_rows(safeguard, county, rounds, applications, files, runs, common, reported):
    """Submit and the reports on PostgreSQL: a throwaway cluster of its own (scripts/postgresql-cluster), a template
    database with the register and the rounds, and a new database made from it before each submit; the reports on
    a copy of the SQLite database the demo stored (`safeguard store copy`, untimed), decisions and checks with it."""
    cluster = os.path.join(ROOT, "scripts", "postgresql-cluster")
    server = subprocess.run([cluster, "start"], check=True, capture_output=True, text=True).stdout.strip()
    try:
        url = lambda name: server.replace("/postgres?", f"/{name}?")
        psql = lambda sql: subprocess.run(["psql", server, "-qc", sql], check=True, stdout=subprocess.DEVNULL)
        psql("CREATE DATABASE bench_template")
        template = url("bench_template")
        subprocess.run([safeguard, "register", "import", os.path.join(county, "register.csv"), "--database",
                        template, *common], check=True, stdout=subprocess.DEVNULL)
        for r in rounds:
            subprocess.run([safeguard, "collection", "open", r["name"], "--form", r["form"], "--period-start",
                            r["period_start"], "--period-end", r["period_end"], "--due", r["due"], "--database",
                            template, *common], check=True, stdout=subprocess.DEVNULL)
        database = shlex.quote(url("bench_run"))

        def fresh_database():
            psql("DROP DATABASE IF EXISTS bench_run WITH (FORCE)")
            psql("CREATE DATABASE bench_run TEMPLATE bench_template")

        submit_script = " && ".join(
            [f"{safeguard} submit --quiet --collection {r['name']} --database {database} {' '.join(common)} "
             f"{os.path.join(county, 'returns', r['name'])}; true" for r in rounds]
            + [f"{safeguard} submit --quiet --database {database} {' '.join(common)} {applications}; true"])
        rows = [("safeguard submit, PostgreSQL (new database)", files,
                 *timed("submit postgresql", runs, ["sh", "-c", submit_script], prepare=fresh_database))]
        psql("CREATE DATABASE bench_reported")
        subprocess.run([safeguard, "store", "copy", reported, url("bench_reported"), *common], check=True,
                       stdout=subprocess.DEVNULL)
        return rows + report_rows(safeguard, url("bench_reported"), ", PostgreSQL", runs, common)
    finally:
        subprocess.run([cluster, "stop", server], check=False)


def compare_peers(arguments, work, runs, folders, files, common):
    """Each peer's rows, after checking it decides every file as Safeguard does (its label says how many it does
    not)."""
    # Safeguard's decisions, for the peers to agree with (not timed).
    _, _, done = run([arguments.safeguard, "validate", "--as-of", AS_OF, "--format", "json", *common, *folders],
                  capture_output=True, text=True)
    decisions, field_verdicts = {}, {}
    for submission in json.loads(done.stdout)["submissions"]:
        decisions[submission["file"]] = submission["decision"]
        field_verdicts[submission["file"]] = field_verdict(submission)

    peers = os.path.join(ROOT, "Benchmarks", "peers")
    peer_rows = []
    for name, command, compare in [
        ("PyYAML C loader + jsonschema-rs + rules in Python",
         [arguments.python, os.path.join(peers, "peer.py"), "--validator", "jsonschema-rs"], decisions),
        ("PyYAML C loader + fastjsonschema + rules in Python",
         [arguments.python, os.path.join(peers, "peer.py"), "--validator", "fastjsonschema"], decisions),
        ("yamale (field checks only)", [arguments.python, os.path.join(peers, "yamale_peer.py")], field_verdicts),
    ]:
        options = ["--forms", os.path.join(ROOT, "Forms")]
        if os.path.basename(command[1]) == "peer.py":
            options += ["--rules", os.path.join(ROOT, "Rules"), "--as-of", AS_OF]
        answers = os.path.join(work, "peer.tsv")
        subprocess.run([*command, *options, "--decisions", answers, *folders], check=True, stderr=subprocess.DEVNULL)
        with open(answers, encoding="utf-8") as handle:
            theirs = dict(line.rstrip("\n").split("\t") for line in handle)
        different = [path for path in compare if compare[path] != theirs.get(path)]
        print(f"  {name}: {len(different)} of {len(compare)} files decided differently from Safeguard", file=sys.stderr)
        for path in different[:10]:
            print(f"    {path}: safeguard {compare[path]}, peer {theirs.get(path)}", file=sys.stderr)
        label = name if not different else f"{name} ({len(different)} differ)"
        peer_rows.append((label, files, *timed(name, runs, [*command, *options, *folders])))
    return peer_rows


def field_verdict(submission):
    """Safeguard's field checks alone (what yamale can check): no error but conditional requirements,
    constraints and rules."""
    for finding in submission["findings"]:
        if finding["severity"] != "error":
            continue
        rule = finding["rule"]
        if rule.startswith(("intake.", "form.")):
            return "invalid"
        if rule.startswith("field.") and rule != "field.constraint":
            if rule == "field.required" and ", because " in finding["message"]:
                continue
            return "invalid"
    return "valid"


if __name__ == "__main__":
    main()
