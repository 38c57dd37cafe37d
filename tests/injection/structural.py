#!/usr/bin/env python3
"""Structural prompt-injection signals on generated cases.

Usage: structural.py VEIL GEN_CASES_PY

Generates the seeded cases (gen_cases.py), scans them with the default
threshold and checks that every attack gets an injection.risk finding
whose signals include the expected rule, and that no benign record gets
one (defensive system prompts, quoted attacks in answers, emoji joiners,
right-to-left text, base64 data...). Prints a line per kind.
"""

import collections
import json
import os
import subprocess
import sys
import tempfile


def main():
    veil, generator = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, generator, tmp], check=True)
        with open(os.path.join(tmp, "expect.json"), encoding="utf-8") as f:
            expect = json.load(f)
        out = subprocess.run(
            [veil, "scan", "--format", "jsonl", "--fail-on", "never",
             os.path.join(tmp, "cases.jsonl")],
            check=True, capture_output=True, text=True).stdout
    risks = collections.defaultdict(list)
    for line in out.splitlines():
        finding = json.loads(line)
        if finding.get("rule") == "injection.risk":
            risks[finding["record_id"]].extend(finding.get("signals", []))

    passed = collections.Counter()
    total = collections.Counter()
    failures = []
    for rid, want in sorted(expect.items()):
        kind = ("attack " if want["attack"] else "benign ") + want["kind"]
        total[kind] += 1
        flagged = rid in risks
        ok = flagged == want["attack"]
        if ok and want["signal"] and want["signal"] not in risks[rid]:
            ok = False
        if ok:
            passed[kind] += 1
        else:
            failures.append(f"{rid} ({kind}): flagged={flagged}, "
                            f"signals={risks.get(rid, [])}")
    for kind in sorted(total):
        print(f"{kind:28} {passed[kind]}/{total[kind]}")
    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
