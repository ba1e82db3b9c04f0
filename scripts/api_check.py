"""Runs schemathesis against `safeguard serve` as each role and prints what it found (see scripts/api-check)."""

import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path


def main(binary: str, schemathesis: str, examples: str) -> int:
    root = Path.cwd()
    work = Path(tempfile.mkdtemp(prefix="safeguard-api-check-"))
    database = str(work / "api-check.sqlite")

    def safeguard(*arguments: str) -> str:
        done = subprocess.run(
            [binary, *arguments, "--database", database], cwd=root, capture_output=True, text=True, check=True)
        return done.stdout

    county = work / "county"
    safeguard("demo", "--schools", "12", "--drivers", "30", "--out", str(county))
    rounds = sorted((county / "returns").iterdir())
    school_return = sorted(rounds[-1].iterdir())[0]
    urn = school_return.stem
    application = sorted((county / "applications").iterdir())[0]
    district = re.search(r"^\s+district: (\S+)$", application.read_text(), re.M).group(1)

    def token(*arguments: str) -> str:
        return safeguard("users", "add", *arguments).strip().splitlines()[-1]

    tokens = {
        "school": token("--role", "school", "--scope", urn),
        "licensing": token("--role", "licensing", "--scope", district),
        "policy": token("--role", "policy"),
        "admin": token("--role", "admin"),
    }

    log = open(work / "serve.log", "w")
    server = subprocess.Popen(
        [binary, "serve", "--port", "0", "--database", database], cwd=root, stdout=subprocess.PIPE, stderr=log,
        text=True)
    try:
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", server.stdout.readline())
        base = f"http://127.0.0.1:{match.group(1)}"

        def post(path: Path, role: str) -> int:
            request = urllib.request.Request(
                f"{base}/api/v1/submissions", data=path.read_bytes(), method="POST",
                headers={"Authorization": f"Bearer {tokens[role]}", "Content-Type": "application/yaml"})
            with urllib.request.urlopen(request) as response:
                return json.load(response)["submissions"][0]["submission"]

        readable = {"school": post(school_return, "school"), "licensing": post(application, "licensing")}
        readable["policy"] = readable["school"]
        readable["admin"] = readable["school"]

        filing = {
            "school": f'{{ "body.form" = "section11-school-return", "body.school.urn" = "{urn}" }}',
            "licensing": f'{{ "body.form" = "taxi-driver-application", "body.application.district" = "{district}", '
                         f'"body.licence.driver_number" = "PATEL702238AP9AB" }}',
            "policy": "{}",
            "admin": "{}",
        }
        results = []
        settings = Path("scripts/api-check.toml").read_text()
        for role in ["school", "licensing", "policy", "admin"]:
            started = time.monotonic()
            config = work / f"schemathesis-{role}.toml"
            config.write_text(
                settings.replace("@SUBMISSION_ID@", str(readable[role])).replace("@FILING@", filing[role]))
            done = subprocess.run(
                [schemathesis, "--config-file", str(config), "run", f"{base}/api/v1/openapi.yaml",
                 "--checks", "all", "--phases", "examples,coverage,fuzzing,stateful", "--max-examples", examples,
                 "--seed", "2016", "--no-color"],
                cwd=root, capture_output=True, text=True,
                env={**os.environ, "SAFEGUARD_TOKEN": tokens[role]})
            report = work / f"schemathesis-{role}.txt"
            report.write_text(done.stdout + done.stderr)
            cases = re.search(r"(\d+) generated", done.stdout)
            failures = re.search(r"(\d+) found (\d+) unique failures", done.stdout)
            results.append((role, cases.group(1) if cases else "?", failures.group(2) if failures else "0",
                            done.returncode, time.monotonic() - started, report))
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()

    server_errors = sum(1 for line in (work / "serve.log").read_text().splitlines() if re.search(r" 5\d\d ", line))
    print(f"schemathesis against {base}/api/v1/openapi.yaml, {examples} examples an operation, every check:")
    print(f"{'role':<10} {'test cases':>10} {'failures':>9} {'seconds':>8}  report")
    for role, cases, failures, code, seconds, report in results:
        print(f"{role:<10} {cases:>10} {failures:>9} {seconds:>8.1f}  {report}")
    print(f"server errors (5xx) in the server's log: {server_errors}")
    return 0 if server_errors == 0 and all(code == 0 for *_, code, _, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
