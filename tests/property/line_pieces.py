#!/usr/bin/env python3
"""Lines read in pieces give what the whole lines give.

    line_pieces.py VEIL GEN_CORPUS

A line too long to hold whole is read in pieces (LineSplitter), each
scanned with the bytes around it as context; a JSON line's pieces are
walked from where the walk of the line stood (reader/json_stream.cpp). This
builds long text lines and long JSON lines (a chat of many messages, one
huge string, an array of records, escapes throughout) from a seeded
corpus dense with planted values, and checks that with small pieces
(VEIL_LINE_PIECES=16384: lines over 128 KiB, 4 KiB of context) `scan`
reports exactly what it does with every line held whole
(VEIL_LINE_PIECES=0), and `redact` writes the same text lines and JSON lines
that decode to the same values (a piece rewrites only the redacted spans of
a string, not all its escapes), at -j1 and -j2, with labels per file and
per line; and that `restore` gives back the input. A long JSON line cut
short is reported as invalid JSON and comes out whole.
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
    fifth = len(texts) // 5
    parts = [texts[k * fifth:(k + 1) * fifth] for k in range(5)]
    roles = ["system", "user", "assistant", "tool"]
    chat = {"id": "long-1", "model": "deepseek-chat",
            "messages": [{"role": roles[i % 4], "content": t}
                         for i, t in enumerate(parts[2])]}
    lines = [
        "a short line, mail bob@example.com",
        " ".join(parts[0]),
        json.dumps(records[0]),
        " ".join(parts[1]) + "\r",  # a CRLF line
        json.dumps(chat),  # \u escapes: ensure_ascii
        '{"c": "mail ann.keller@acme-corp.io"}',  # after a cut line
        json.dumps({"prompt": "\n".join(parts[3])}, ensure_ascii=False),
        json.dumps(records[:len(records) // 5]),
        " ".join(parts[4]),  # the last line, without a newline
    ]
    path = os.path.join(tmp, "lines.txt")
    with open(path, "wb") as f:
        f.write("\n".join(lines).encode("utf-8"))
    truncated = os.path.join(tmp, "truncated.jsonl")
    with open(truncated, "wb") as f:
        f.write((json.dumps(chat)[:-3] + "\n" + lines[0] + "\n").encode("utf-8"))
    sizes = [len(line.encode("utf-8")) for line in lines if len(line) > 1000]
    return path, truncated, sizes


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


def comparable(report):
    """The output checks compare a piece's assistant text with the system
    prompts in its window only, not the whole record's: left out."""
    doc = without_elapsed(report)
    doc["findings"] = [f for f in doc["findings"] if f["category"] != "output"]
    doc.pop("summary", None)
    return doc


def same_lines(whole, cut):
    """Text lines byte for byte, JSON lines by their decoded values."""
    a, b = whole.split(b"\n"), cut.split(b"\n")
    if len(a) != len(b):
        return False
    for x, y in zip(a, b):
        if x == y:
            continue
        try:
            if json.loads(x) != json.loads(y):
                return False
        except ValueError:
            return False
    return True


def main():
    with tempfile.TemporaryDirectory() as tmp:
        path, truncated, sizes = build_input(tmp)
        check(len(sizes) == 6 and min(sizes) > 8 * 16384,
              f"long lines too short to be cut: {sizes}")
        cases = [["scan", "--format", "json"],
                 ["scan", "--format", "json", "--scan-keys", "--field",
                  "/messages/*/content"],
                 ["redact"], ["redact", "--scope", "line"],
                 ["redact", "--input", "jsonl"]]
        for args in cases:
            for jobs in ("1", "2"):
                whole = run(args + ["-j", jobs, path], 0)
                cut = run(args + ["-j", jobs, path], 16384)
                if args[0] == "scan":
                    whole, cut = comparable(whole), comparable(cut)
                    check(len(whole["findings"]) > 300,
                          f"veil {' '.join(args)}: only {len(whole['findings'])} findings")
                    same = whole == cut
                else:
                    same = same_lines(whole, cut)
                check(same, f"veil {' '.join(args)} -j{jobs}: pieces differ from "
                      "whole lines")
        vault = os.path.join(tmp, "vault.json")
        redacted = os.path.join(tmp, "redacted.txt")
        run(["redact", "--vault", vault, "-o", redacted, path], 16384)
        restored = run(["restore", "--vault", vault, redacted], 16384)
        with open(path, "rb") as f:
            check(same_lines(f.read(), restored),
                  "restore of lines redacted in pieces: not the input")
        report = without_elapsed(run(["scan", "--format", "json", truncated], 16384))
        rules = [f["rule"] for f in report["findings"] if f["line"] == 1]
        check(rules.count("input.invalid_json") == 1,
              "a long JSON line cut short: not reported once as invalid JSON")
        redacted = run(["redact", truncated], 16384)
        check(redacted.count(b"\n") == 2, "a long JSON line cut short: lines lost")
    for failure in FAILURES:
        print("FAIL:", failure)
    print(f"line pieces: {len(FAILURES)} failure(s)")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
