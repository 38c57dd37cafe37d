#!/usr/bin/env python3
"""--metrics writes a file Prometheus tools accept, with the run's counts.

    metrics_check.py VEIL GEN_CORPUS

Redacts a seeded generated corpus with a policy (a dropped field, a record
rule) and --metrics, then checks the file with `promtool check metrics`
(Debian's prometheus package) and parses it with prometheus_client: records,
bytes, findings by rule/entity/severity/direction, dropped fields, rejected
records, errors and seconds must be there and agree with the json report.
Exits 77 (skipped) when promtool or prometheus_client is missing.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

VEIL, GEN = os.path.abspath(sys.argv[1]), sys.argv[2]
POLICY = """[policy]
[[policy.fields]]
path = "/metadata"
action = "drop"
[[policy.records]]
match = "secret"
min_severity = "high"
"""
FAILURES = []


def check(cond, message):
    if not cond:
        FAILURES.append(message)


def main():
    promtool = shutil.which("promtool")
    try:
        from prometheus_client.parser import text_string_to_metric_families
    except ImportError:
        print("prometheus_client missing: skipped")
        return 77
    if promtool is None:
        print("promtool missing: skipped")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus.jsonl")
        subprocess.run(["/usr/bin/python3", GEN, "--seed", "21", "--records",
                        "300", "--out", corpus], check=True)
        with open(os.path.join(tmp, "policy.toml"), "w") as f:
            f.write(POLICY)
        proc = subprocess.run(
            [VEIL, "redact", "--no-config", "--policy", "policy.toml",
             "--metrics", "m.prom", "--report", "r.json", "--rejects",
             "rejects.jsonl", "-o", "out.jsonl", "corpus.jsonl"],
            cwd=tmp, capture_output=True)
        check(proc.returncode == 0, f"exit {proc.returncode}: {proc.stderr[:300]}")
        with open(os.path.join(tmp, "m.prom"), encoding="utf-8") as f:
            text = f.read()
        lint = subprocess.run([promtool, "check", "metrics"], input=text.encode(),
                              capture_output=True)
        check(lint.returncode == 0,
              f"promtool: {lint.stdout.decode()} {lint.stderr.decode()}")
        families = {f.name: f for f in text_string_to_metric_families(text)}
        with open(os.path.join(tmp, "r.json"), encoding="utf-8") as f:
            summary = json.load(f)["summary"]

        def value(name):
            fam = families.get(name)
            check(fam is not None, f"no family {name}")
            return fam.samples[0].value if fam else None

        for name in ["veil_records", "veil_bytes", "veil_dropped_fields",
                     "veil_rejected_records", "veil_errors", "veil_run_seconds",
                     "veil_findings", "veil_policy_fields"]:
            check(name in families, f"missing {name}: {sorted(families)}")
        check(value("veil_records") == summary["records"], "records differ")
        check(value("veil_bytes") == summary["bytes"], "bytes differ")
        check(value("veil_errors") == 0, "errors")
        check(value("veil_dropped_fields") > 0, "nothing dropped")
        with open(os.path.join(tmp, "rejects.jsonl"), encoding="utf-8") as f:
            rejected = sum(1 for _ in f)
        check(rejected > 0, "no record rejected")
        check(value("veil_rejected_records") == rejected, "rejects differ")
        findings = families.get("veil_findings")
        total = 0
        for s in findings.samples if findings else []:
            check(set(s.labels) == {"rule", "entity", "severity", "direction"},
                  f"labels {s.labels}")
            total += s.value
        check(total == summary["findings"], f"findings {total} != {summary['findings']}")
        mode = os.stat(os.path.join(tmp, "rejects.jsonl")).st_mode & 0o777
        check(mode == 0o600, f"rejects mode {oct(mode)}")
    for failure in FAILURES:
        print("FAIL:", failure)
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
