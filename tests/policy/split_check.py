#!/usr/bin/env python3
"""--split-by: every record lands in its segment's file, names are safe.

    split_check.py VEIL

Writes records for tenants whose ids are hostile file names ("..", "a/b",
"/etc/passwd", a long id, non-ASCII) and checks that every output file sits
directly in --out-dir, that the records of each tenant are in one file and in
input order, and that the union of the files is the redacted input.
"""
import json
import os
import subprocess
import sys
import tempfile

VEIL = os.path.abspath(sys.argv[1])
TENANTS = ["acme", "..", "a/b", "/etc/passwd", "x" * 300, "café", "_none", "", "acme "]


def main():
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        lines = []
        for i in range(60):
            rec = {"i": i, "msg": f"hello {i}"}
            if i % 10 != 9:
                rec["org"] = TENANTS[i % len(TENANTS)]
            lines.append(json.dumps(rec, ensure_ascii=False))
        with open(os.path.join(tmp, "in.jsonl"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        out = os.path.join(tmp, "out")
        proc = subprocess.run([VEIL, "redact", "--no-config", "--split-by", "/org",
                               "--out-dir", out, "in.jsonl"], cwd=tmp,
                              capture_output=True)
        if proc.returncode != 0:
            failures.append(f"exit {proc.returncode}: {proc.stderr[:300]}")
        names = sorted(os.listdir(out)) if os.path.isdir(out) else []
        seen = []
        for name in names:
            path = os.path.join(out, name)
            if not os.path.isfile(path) or name.startswith(".") or "/" in name:
                failures.append(f"bad entry {name!r}")
            with open(path, encoding="utf-8") as f:
                recs = [json.loads(l) for l in f]
            orgs = {r.get("org", None) for r in recs}
            if len(orgs) != 1:
                failures.append(f"{name}: tenants {orgs}")
            idx = [r["i"] for r in recs]
            if idx != sorted(idx):
                failures.append(f"{name}: out of order")
            seen += idx
        if sorted(seen) != list(range(60)):
            failures.append("records lost or duplicated")
        if len(names) != len(TENANTS) + 1:
            failures.append(f"{len(names)} files: {names}")
        for root, dirs, _ in os.walk(tmp):
            if root != tmp and not root.startswith(out):
                failures.append(f"wrote outside --out-dir: {root}")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
