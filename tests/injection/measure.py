#!/usr/bin/env python3
"""Measures veil's prompt-injection risk score on the development set.

Usage: measure.py VEIL DATA_DIR [--threshold T] [--min-attacks R]
                                [--max-false-alarms F] [--min-attacks-at-1pct R]

DATA_DIR holds attacks.jsonl and benign.jsonl (lines of {"id", "source",
"category", "lang", "text"}; see its README). Each text is scanned as the
user message of a chat record, once, with --injection-threshold 0 so that
every message with a signal gets its score; the thresholds are applied
here. Printed, per category and per language: attacks flagged and false
alarms at the default threshold, and attacks flagged at the highest
threshold that keeps false alarms at or below 1 %.

With the --min/--max options it is a test: exit 1 when a number is past
its floor, 77 (skipped) when DATA_DIR is missing. The data is read where
it is, never copied into the repository.
"""

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

DEFAULT_THRESHOLD = 0.5  # k_default_injection_threshold
MAX_FALSE_ALARMS = 0.01


def load(path, label):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            row["attack"] = label
            rows.append(row)
    return rows


def scores(veil, rows):
    """Maps row index -> injection.risk score (0 when nothing fired)."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False,
                                     encoding="utf-8") as f:
        for i, row in enumerate(rows):
            record = {"id": str(i),
                      "messages": [{"role": "user", "content": row["text"]}]}
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
        path = f.name
    try:
        out = subprocess.run(
            [veil, "scan", "--only", "injection", "--format", "jsonl",
             "--fail-on", "never", "--injection-threshold", "0", "-j", "2",
             path],
            check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(path)
    result = {}
    signals = collections.Counter()
    for line in out.splitlines():
        finding = json.loads(line)
        if finding.get("rule") != "injection.risk":
            continue
        index = int(finding["record_id"])
        result[index] = max(result.get(index, 0.0), finding["confidence"])
        if rows[index]["attack"]:
            signals.update(finding.get("signals", []))
    return result, signals


def threshold_at(benign_scores, max_rate):
    """Lowest threshold whose false-alarm rate is at most max_rate."""
    allowed = int(max_rate * len(benign_scores))
    ranked = sorted(benign_scores, reverse=True)
    if allowed >= len(ranked):
        return 0.0
    # Scores tie: step just above the (allowed+1)-th highest benign score.
    return ranked[allowed] + 1e-9 if ranked[allowed] > 0 else 1e-9


def rate(part, whole):
    return part / whole if whole else 0.0


def table(rows, score_of, key, cut, out):
    groups = collections.defaultdict(list)
    for i, row in enumerate(rows):
        groups[(row["attack"], key(row))].append(i)
    out.append(f"{'':32} {'n':>5} {'@' + str(DEFAULT_THRESHOLD):>8} "
               f"{'@<=1%FA':>8}")
    for (attack, name), members in sorted(groups.items()):
        n = len(members)
        at_default = sum(score_of(i) >= DEFAULT_THRESHOLD for i in members)
        at_cut = sum(score_of(i) >= cut for i in members)
        kind = "attack" if attack else "benign"
        out.append(f"{kind + ' ' + name:32} {n:5} "
                   f"{rate(at_default, n):8.1%} {rate(at_cut, n):8.1%}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("veil")
    parser.add_argument("data")
    parser.add_argument("--min-attacks", type=float, default=None,
                        help="floor: attacks flagged at the default threshold")
    parser.add_argument("--max-false-alarms", type=float, default=None,
                        help="ceiling: false alarms at the default threshold")
    parser.add_argument("--min-attacks-at-1pct", type=float, default=None,
                        help="floor: attacks flagged at <= 1%% false alarms")
    parser.add_argument("--signals", action="store_true",
                        help="also list how often each signal fired on attacks")
    args = parser.parse_args()

    attacks_path = os.path.join(args.data, "attacks.jsonl")
    benign_path = os.path.join(args.data, "benign.jsonl")
    if not (os.path.exists(attacks_path) and os.path.exists(benign_path)):
        print(f"skipped: no data set in {args.data}")
        return 77

    rows = load(attacks_path, True) + load(benign_path, False)
    found, signals = scores(args.veil, rows)

    def score_of(i):
        return found.get(i, 0.0)

    attack_ids = [i for i, r in enumerate(rows) if r["attack"]]
    benign_ids = [i for i, r in enumerate(rows) if not r["attack"]]
    cut = threshold_at([score_of(i) for i in benign_ids], MAX_FALSE_ALARMS)

    def flagged(ids, t):
        return rate(sum(score_of(i) >= t for i in ids), len(ids))

    attacks = flagged(attack_ids, DEFAULT_THRESHOLD)
    false_alarms = flagged(benign_ids, DEFAULT_THRESHOLD)
    attacks_cut = flagged(attack_ids, cut)
    false_alarms_cut = flagged(benign_ids, cut)

    out = [f"attacks {len(attack_ids)}, benign {len(benign_ids)}",
           f"default threshold {DEFAULT_THRESHOLD}: attacks flagged "
           f"{attacks:.1%}, false alarms {false_alarms:.2%}",
           f"threshold {cut:.3f} (false alarms <= 1 %): attacks flagged "
           f"{attacks_cut:.1%}, false alarms {false_alarms_cut:.2%}",
           "", "by category:"]
    table(rows, score_of, lambda r: r["category"], cut, out)
    out += ["", "by language:"]
    table(rows, score_of, lambda r: r["lang"], cut, out)
    if args.signals:
        out += ["", "signals on attacks:"]
        out += [f"  {name:32} {n}" for name, n in signals.most_common()]
    print("\n".join(out))

    failed = []
    if args.min_attacks is not None and attacks < args.min_attacks:
        failed.append(f"attacks flagged {attacks:.3f} < {args.min_attacks}")
    if (args.max_false_alarms is not None and
            false_alarms > args.max_false_alarms):
        failed.append(f"false alarms {false_alarms:.4f} > "
                      f"{args.max_false_alarms}")
    if (args.min_attacks_at_1pct is not None and
            attacks_cut < args.min_attacks_at_1pct):
        failed.append(f"attacks at <= 1 % false alarms {attacks_cut:.3f} < "
                      f"{args.min_attacks_at_1pct}")
    for message in failed:
        print(f"FAIL: {message}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
