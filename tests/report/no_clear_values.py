#!/usr/bin/env python3
"""No report format holds a detected value in clear (DESIGN.md's invariant).

    no_clear_values.py VEIL GEN_CORPUS

Scans one generated corpus with every --format (and redact --report for the
formats whose text depends on the command), and checks that no value
planted by gen_corpus.py appears in any report, while every report names the
file it found them in.
"""
import json
import os
import subprocess
import sys
import tempfile

VEIL, GEN = os.path.abspath(sys.argv[1]), sys.argv[2]
FORMATS = ["json", "jsonl", "sarif", "text", "markdown", "junit", "csv", "html",
           "github"]
BY_COMMAND = {"text", "markdown", "html"}
FAILURES = []


def check(cond, message):
    if not cond:
        FAILURES.append(message)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus.jsonl")
        planted_path = os.path.join(tmp, "planted.jsonl")
        subprocess.run(["/usr/bin/python3", GEN, "--seed", "12", "--records", "500",
                        "--pii-rate", "0.4", "--out", corpus, "--planted", planted_path],
                       check=True)
        with open(planted_path, encoding="utf-8") as f:
            planted = [json.loads(line) for line in f]
        check(len(planted) > 50, f"only {len(planted)} planted values")
        for fmt in FORMATS:
            for command in ("scan", "redact") if fmt in BY_COMMAND else ("scan",):
                report = os.path.join(tmp, f"{command}.{fmt}")
                args = [VEIL, command, "--format", fmt, "--fail-on", "never"]
                if command == "scan":
                    args += ["-o", report]
                else:
                    args += ["-o", os.path.join(tmp, "out.jsonl"), "--report", report]
                proc = subprocess.run(args + ["corpus.jsonl"], cwd=tmp, capture_output=True)
                check(proc.returncode == 0, f"{command} --format {fmt}: exit "
                      f"{proc.returncode}: {proc.stderr.decode(errors='replace')[:300]}")
                with open(report, "rb") as f:
                    text = f.read().decode("utf-8")
                check("corpus.jsonl" in text, f"{command} --format {fmt}: no file named")
                leaked = {p["kind"] for p in planted if p["value"] in text}
                check(not leaked, f"{command} --format {fmt}: planted values in clear: "
                      f"{sorted(leaked)}")
                print(f"{command} --format {fmt}: {len(text)} bytes")
    for failure in FAILURES[:50]:
        print("FAIL:", failure)
    print(f"{len(FAILURES)} failures")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
