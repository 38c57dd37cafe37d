#!/usr/bin/env python3
"""DESIGN.md's invariants, checked on seeded random corpora with the real binary.

    invariants.py VEIL GEN_CORPUS

- redact output: same number of lines; every JSON line stays valid JSON with
  the same structure; lines without findings are byte-identical;
- no planted value survives redact; no planted value appears in any report;
- scan and redact report the same findings;
- -j 1 and -j 4 give byte-identical output and reports (a corpus is three
  batches or so: -j 1 reuses one batch and its records for each, -j 4 has
  them all in flight);
- malformed lines (truncated JSON, random bytes, bad UTF-8) never crash veil
  and never lose a line.
"""
import json
import os
import random
import subprocess
import sys
import tempfile

VEIL, GEN = sys.argv[1], sys.argv[2]
FAILURES = []


def check(cond, message):
    if not cond:
        FAILURES.append(message)


def run(args, stdin=None):
    proc = subprocess.run([VEIL] + args, input=stdin, capture_output=True)
    check(proc.returncode in (0, 1), f"veil {' '.join(args)}: exit {proc.returncode}: "
          f"{proc.stderr.decode(errors='replace')[:300]}")
    return proc


def same_shape(a, b):
    """Same JSON structure: keys, order, types, numbers; strings may differ."""
    if isinstance(a, dict):
        return isinstance(b, dict) and list(a) == list(b) and all(
            same_shape(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(
            same_shape(x, y) for x, y in zip(a, b))
    if isinstance(a, str):
        return isinstance(b, str)
    return type(a) is type(b) and a == b


def load_report(path):
    findings = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            obj = json.loads(line)
            if "summary" not in obj:
                findings.append(obj)
    return findings


def finding_key(f):
    return (f["file"], f["line"], f["path"], f["rule"], f["start"], f["end"],
            f["fingerprint"])


def check_corpus(tmp, seed):
    corpus = os.path.join(tmp, f"corpus{seed}.jsonl")
    planted_path = os.path.join(tmp, f"planted{seed}.jsonl")
    subprocess.run(["/usr/bin/python3", GEN, "--seed", str(seed), "--records", "3000",
                    "--pii-rate", "0.2", "--out", corpus, "--planted", planted_path],
                   check=True)
    outputs = {}
    for jobs in (1, 4):
        out = os.path.join(tmp, f"out{seed}-j{jobs}.jsonl")
        report = os.path.join(tmp, f"report{seed}-j{jobs}.jsonl")
        run(["redact", "-j", str(jobs), "-o", out, "--report", report, corpus])
        outputs[jobs] = (open(out, "rb").read(), load_report(report))
    check(outputs[1][0] == outputs[4][0], f"seed {seed}: -j1 and -j4 outputs differ")
    check(outputs[1][1] == outputs[4][1], f"seed {seed}: -j1 and -j4 reports differ")

    scan_report = os.path.join(tmp, f"scan{seed}.jsonl")
    run(["scan", "-j", "2", "--format", "jsonl", "-o", scan_report, corpus])
    scanned = [finding_key(f) for f in load_report(scan_report)]
    redacted = [finding_key(f) for f in outputs[1][1]]
    check(scanned == redacted, f"seed {seed}: scan and redact findings differ")

    data_in = open(corpus, "rb").read().split(b"\n")
    data_out = outputs[1][0].split(b"\n")
    check(len(data_in) == len(data_out),
          f"seed {seed}: {len(data_in)} lines in, {len(data_out)} out")
    lines_with_findings = {f["line"] for f in outputs[1][1]}
    for n, (a, b) in enumerate(zip(data_in, data_out), start=1):
        if n not in lines_with_findings:
            check(a == b, f"seed {seed} line {n}: changed without a finding")
            continue
        if a.lstrip().startswith((b"{", b"[")):
            try:
                check(same_shape(json.loads(a), json.loads(b)),
                      f"seed {seed} line {n}: JSON structure changed")
            except ValueError:
                check(False, f"seed {seed} line {n}: output is not valid JSON")

    report_text = "".join(open(p, encoding="utf-8").read() for p in
                          (scan_report, os.path.join(tmp, f"report{seed}-j1.jsonl")))
    with open(planted_path, encoding="utf-8") as f:
        planted = [json.loads(line) for line in f]
    check(len(planted) > 50, f"seed {seed}: only {len(planted)} planted values")
    for p in planted:
        line = data_out[p["line"] - 1].decode("utf-8", errors="replace")
        check(p["value"] not in line,
              f"seed {seed} line {p['line']}: planted {p['kind']} survived redact")
        check(p["value"] not in report_text,
              f"seed {seed}: planted {p['kind']} appears in a report")


def malformed_lines(rng):
    pieces = [b'{"a": "x@y.com"', b'{"a": [1, 2', b'[[[[', b'{"k": "\\ud800"}',
              b'\xff\xfe{"bad": "utf8 \xc3"}', b'{} {}', b'{"a":"b"}garbage',
              b'\x00\x01\x02', b'\xef\xbb\xbf{"bom": "inside"}', b'{"t": "\t raw tab"}']
    lines = []
    for _ in range(2000):
        choice = rng.random()
        if choice < 0.5:
            lines.append(rng.choice(pieces))
        elif choice < 0.8:
            lines.append(bytes(rng.randrange(256) for _ in range(rng.randrange(40))
                               ).replace(b"\n", b""))
        else:
            depth = rng.randrange(1, 3000)
            lines.append(b"[" * depth + b"]" * rng.randrange(depth + 1))
    return b"\n".join(lines).replace(b"\r", b"") + b"\n"


def check_malformed(tmp):
    rng = random.Random(7)
    data = malformed_lines(rng)
    proc = run(["redact", "-j", "2"], stdin=data)
    check(proc.stdout.count(b"\n") == data.count(b"\n"),
          "malformed input: line count changed")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        for seed in (1, 2, 3):
            check_corpus(tmp, seed)
        check_malformed(tmp)
    for failure in FAILURES[:50]:
        print("FAIL:", failure)
    print(f"{len(FAILURES)} failures")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
