#!/usr/bin/env python3
"""Per-entity recall and look-alike alteration of veil on a labeled corpus.

    pii_recall.py VEIL GEN_PII_CORPUS [--seed 7] [--per-kind 150]
                  [--lookalikes 3000] [--keep DIR]

Generates the corpus with gen_pii_corpus.py, runs `veil scan --format jsonl`
on it with the built-in packs, and compares the findings with the labels:

- a planted value is found when findings of one of its entities (or, for
  "category:secret", of any secret rule) cover all of its bytes at its line
  and JSON path; "redacted" counts findings of any rule, i.e. whether
  `veil redact` would hide it;
- a look-alike is altered when any finding overlaps it.

National-id kinds are scored only when a built-in rule reports their entity
(`veil rules list`). Fails (exit 1) when a checksum-validated kind (cards,
IBAN, crypto addresses, national ids with a check digit) is under 99 %
recall, or when 1 % or more of the look-alikes are altered.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

MIN_CHECKSUM_RECALL = 0.99
MAX_LOOKALIKE_ALTERED = 0.01


def builtin_entities(veil):
    out = subprocess.run([veil, "rules", "list"], capture_output=True, text=True,
                         check=True).stdout
    return {line.split()[1] for line in out.splitlines() if len(line.split()) > 1}


def scan(veil, corpus):
    proc = subprocess.run([veil, "scan", "--format", "jsonl", corpus],
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit("veil scan failed (exit %d): %s" % (proc.returncode, proc.stderr[:500]))
    findings = collections.defaultdict(list)  # (line, path) -> findings
    for raw in proc.stdout.splitlines():
        finding = json.loads(raw)
        if "summary" not in finding:
            findings[(finding["line"], finding["path"])].append(finding)
    return findings


def covered(findings, start, end, entities):
    """Whether findings of `entities` (None: any) cover [start, end)."""
    spans = sorted((f["start"], f["end"]) for f in findings
                   if entities is None or f["entity"] in entities
                   or "category:" + f["category"] in entities)
    at = start
    for s, e in spans:
        if s <= at < e:
            at = e
        if at >= end:
            return True
    return False


def pct(n, d):
    return "%6.2f %%" % (100.0 * n / d) if d else "     -  "


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("veil")
    parser.add_argument("generator")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--per-kind", type=int, default=150)
    parser.add_argument("--lookalikes", type=int, default=3000)
    parser.add_argument("--keep", help="write the corpus, labels and misses here")
    parser.add_argument("--show-misses", type=int, default=3,
                        help="missed values printed per kind (default 3)")
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory()
    where = args.keep or tmp.name
    os.makedirs(where, exist_ok=True)
    corpus = os.path.join(where, "pii_corpus.jsonl")
    labels_path = os.path.join(where, "pii_labels.jsonl")
    subprocess.run(["/usr/bin/python3", args.generator, "--seed", str(args.seed),
                    "--per-kind", str(args.per_kind), "--lookalikes", str(args.lookalikes),
                    "--out", corpus, "--labels", labels_path], check=True)
    with open(labels_path, encoding="utf-8") as f:
        labels = [json.loads(line) for line in f]
    entities = builtin_entities(args.veil)
    findings = scan(args.veil, corpus)

    planted = collections.OrderedDict()  # kind -> [labels]
    lookalikes = collections.OrderedDict()
    for label in labels:
        table = lookalikes if label["lookalike"] else planted
        table.setdefault(label["kind"], []).append(label)

    failures = []
    misses = []
    print("%-20s %-26s %6s %6s %9s %9s  %s" % ("kind", "entity", "values", "found",
                                               "recall", "redacted", "gate"))
    for kind, items in planted.items():
        wanted = set(items[0]["entities"])
        if items[0]["national"] and not wanted & entities:
            print("%-20s %-26s %6d %6s %9s %9s  %s" % (kind, ",".join(sorted(wanted)),
                                                       len(items), "-", "-", "-",
                                                       "skipped: no built-in rule"))
            continue
        found = redacted = 0
        for label in items:
            here = findings.get((label["line"], label["path"]), [])
            ok = covered(here, label["start"], label["end"], wanted)
            found += ok
            redacted += covered(here, label["start"], label["end"], None)
            if not ok:
                misses.append(label)
        gate = ""
        if items[0]["checksum"]:
            gate = ">= 99 %"
            if found < MIN_CHECKSUM_RECALL * len(items):
                gate += "  FAIL"
                failures.append("%s: recall %s is under 99 %%" % (kind, pct(found, len(items))))
        print("%-20s %-26s %6d %6d %9s %9s  %s" % (kind, ",".join(sorted(wanted)), len(items),
                                                   found, pct(found, len(items)),
                                                   pct(redacted, len(items)), gate))

    print()
    print("%-20s %6s %7s %9s" % ("look-alike", "values", "altered", "rate"))
    total = altered_total = 0
    altered_examples = []
    for kind, items in lookalikes.items():
        altered = 0
        for label in items:
            here = findings.get((label["line"], label["path"]), [])
            hits = [f for f in here if f["start"] < label["end"] and label["start"] < f["end"]]
            if hits:
                altered += 1
                altered_examples.append((label, hits[0]["rule"]))
        total += len(items)
        altered_total += altered
        print("%-20s %6d %7d %9s" % (kind, len(items), altered, pct(altered, len(items))))
    print("%-20s %6d %7d %9s  (gate < 1 %%)" % ("all look-alikes", total, altered_total,
                                               pct(altered_total, total)))
    if total and altered_total >= MAX_LOOKALIKE_ALTERED * total:
        failures.append("look-alikes altered: %s (gate < 1 %%)" % pct(altered_total, total))

    shown = collections.Counter()
    for label in misses:
        if shown[label["kind"]] < args.show_misses:
            shown[label["kind"]] += 1
            print("missed %s: %r" % (label["kind"], label["value"]))
    for label, rule in altered_examples[:20]:
        print("altered %s by %s: %r" % (label["kind"], rule, label["value"]))
    if args.keep:
        with open(os.path.join(where, "pii_misses.jsonl"), "w", encoding="utf-8") as f:
            for label in misses:
                f.write(json.dumps(label, ensure_ascii=False) + "\n")
    for failure in failures:
        print("FAIL: " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
