#!/usr/bin/env python3
"""Text lines read in pieces give what the whole lines give.

    line_pieces.py VEIL GEN_CORPUS

A text line too long to hold whole is read in pieces (LineSplitter), each
scanned with the bytes around it as context. This builds long text lines
from a seeded corpus' strings, dense with planted values, and checks that
with small pieces (VEIL_LINE_PIECES=16384: lines over 128 KiB, 4 KiB of
context) `scan` reports and `redact` writes exactly what they do with every
line held whole (VEIL_LINE_PIECES=0), at -j1 and -j2, with labels per file
and per line, and that no planted value survives. Short lines and JSON lines
around them are not cut.
"""
import json
import os
import subprocess
import sys
import tempfile

VEIL, GEN = sys.argv[1], sys.argv[2]
FAILURES = []


def check(cond, message):
    if not cond:
        FAILURES.append(message)


def strings_of(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings_of(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings_of(v)


def build_input(tmp):
    corpus = os.path.join(tmp, "corpus.jsonl")
    planted_path = os.path.join(tmp, "planted.jsonl")
    subprocess.run(["/usr/bin/python3", GEN, "--seed", "5", "--records", "1500",
                    "--pii-rate", "0.5", "--out", corpus, "--planted", planted_path],
                   check=True)
    records = []
    with open(corpus, "rb") as f:
        for line in f:
            try:
                records.append(json.loads(line))
            except ValueError:
                pass  # the corpus has malformed lines on purpose
    texts = [" ".join(s.replace("\n", " ").replace("\r", " ")
                      for s in strings_of(r)) for r in records]
    third = len(texts) // 3
    long_lines = [" ".join(texts[:third]), " ".join(texts[third:2 * third]),
                  " ".join(texts[2 * third:])]
    data = ("a short line, mail bob@example.com\n" + long_lines[0] + "\n" +
            json.dumps(records[0]) + "\n" + long_lines[1] + "\r\n" + long_lines[2])
    path = os.path.join(tmp, "lines.txt")
    with open(path, "wb") as f:
        f.write(data.encode("utf-8"))
    with open(planted_path, encoding="utf-8") as f:
        planted = [json.loads(line)["value"] for line in f]
    return path, planted, [len(line.encode("utf-8")) for line in long_lines]


def run(args, pieces):
    env = dict(os.environ, VEIL_LINE_PIECES=str(pieces))
    proc = subprocess.run([VEIL] + args, capture_output=True, env=env)
    check(proc.returncode in (0, 1), f"veil {' '.join(args)} (pieces {pieces}): exit "
          f"{proc.returncode}: {proc.stderr.decode(errors='replace')[:300]}")
    return proc.stdout


def without_elapsed(report):
    doc = json.loads(report)
    doc.get("summary", {}).pop("elapsed_seconds", None)
    return doc


def main():
    with tempfile.TemporaryDirectory() as tmp:
        path, planted, sizes = build_input(tmp)
        check(min(sizes) > 8 * 16384, f"long lines too short to be cut: {sizes}")
        cases = [["scan", "--format", "json"], ["redact"],
                 ["redact", "--scope", "line"], ["redact", "--input", "text"]]
        for args in cases:
            for jobs in ("1", "2"):
                whole = run(args + ["-j", jobs, path], 0)
                cut = run(args + ["-j", jobs, path], 16384)
                if args[0] == "scan":
                    whole, cut = without_elapsed(whole), without_elapsed(cut)
                    check(len(whole["findings"]) > 500,
                          f"only {len(whole['findings'])} findings")
                check(whole == cut, f"veil {' '.join(args)} -j{jobs}: pieces differ "
                      "from whole lines")
        redacted = run(["redact", path], 16384)
        check(redacted.count(b"\n") == 4, "redact: lines lost or added")
        survived = [p for p in planted if p.encode("utf-8") in redacted]
        check(len(survived) < len(planted) // 20,
              f"{len(survived)} of {len(planted)} planted values survive redact")
    for failure in FAILURES:
        print("FAIL:", failure)
    print(f"line pieces: {len(FAILURES)} failure(s)")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
