#!/usr/bin/env python3
"""Seeded generator of a user's own additions, for scripts/bench's
"+100 terms, 50 rules" row: a terms file and a rule pack.

    gen_custom_rules.py --seed 1 --terms 100 --rules 50 --out-dir DIR

DIR/terms.txt holds --terms codenames (two to three syllables, some
two-word names). DIR/rules.toml holds --rules rules shaped like the ones
teams add to gitleaks and Presidio: prefixed internal tokens, employee and
ticket ids, internal host names, customer numbers. Four in five have
keywords; the rest have none (a ticket shape such as "ABC-1234-XY" has no
literal), so they run wherever their character counts allow, the costly
case. Each rule carries one example that matches and one that does not.
Python 3 standard library only; the same seed gives the same files.
"""
import argparse
import os
import random
import string

SYLLABLES = ["ka", "lo", "mi", "ran", "tes", "vor", "zen", "qua", "bel",
             "dor", "fin", "gal", "hex", "jun", "mar", "nox", "pel", "sol",
             "tir", "ul", "vex", "wyn", "yar", "zor"]


def word(rng, parts):
    return "".join(rng.choice(SYLLABLES) for _ in range(parts))


def terms(rng, count):
    out = set()
    while len(out) < count:
        name = word(rng, rng.randint(2, 3))
        if rng.random() < 0.2:
            name += " " + word(rng, 2)
        out.add(name.capitalize())
    return sorted(out)


def toml_string(text):
    return "'''" + text + "'''"


# Each shape: (regex with {p} for the rule's prefix, keyword or None,
# a matching example, a non-matching one).
def shapes(rng, prefix):
    digits = "".join(rng.choice(string.digits) for _ in range(6))
    token = "".join(rng.choice(string.ascii_lowercase + string.digits)
                    for _ in range(32))
    upper = prefix.upper()
    return [
        (r"\b(" + prefix + r"_[a-z0-9]{32})\b", prefix + "_",
         f"token {prefix}_{token} here", f"{prefix}_short"),
        (r"\b(" + upper + r"-\d{6})\b", upper.lower() + "-",
         f"id {upper}-{digits} filed", f"{upper}-12"),
        (r"\b([a-z0-9-]+\." + prefix + r"\.corp\.internal)\b",
         "." + prefix + ".corp",
         f"ssh db-1.{prefix}.corp.internal now",
         f"{prefix}.corp.example.com"),
        (r"(?i)\b" + prefix + r"[ _-]?cust(?:omer)?[ #:]*(\d{8})\b",
         prefix + "", f"{prefix} customer #{digits}12 called",
         f"{prefix} customer 12"),
    ]


def keywordless(rng, prefix):
    letters = "".join(rng.choice(string.ascii_uppercase) for _ in range(3))
    return (r"\b([A-Z]{3}-\d{4}-" + prefix.upper()[:2] + r")\b", None,
            f"ticket {letters}-4821-{prefix.upper()[:2]} is open",
            f"ticket {letters}-48-{prefix.upper()[:2]}")


def rules(rng, count):
    out = ['[pack]\nname = "bench-custom"\nversion = "1.0.0"\n']
    used = set()
    for n in range(count):
        prefix = word(rng, 2)
        while prefix in used:
            prefix = word(rng, 2)
        used.add(prefix)
        if n % 5 == 4:
            regex, keyword, match, no_match = keywordless(rng, prefix)
        else:
            regex, keyword, match, no_match = rng.choice(shapes(rng, prefix))
        out.append("[[rules]]")
        out.append(f'id = "custom.bench_{n:02d}"')
        out.append(f'description = "Bench rule {n}"')
        out.append('entity = "INTERNAL_ID"')
        out.append('category = "custom"')
        out.append('severity = "medium"')
        out.append(f"regex = {toml_string(regex)}")
        out.append("group = 1")
        if keyword:
            out.append(f'keywords = ["{keyword.lower()}"]')
        out.append("[rules.examples]")
        out.append(f"match = [{toml_string(match)}]")
        out.append(f"no_match = [{toml_string(no_match)}]\n")
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--terms", type=int, default=100)
    parser.add_argument("--rules", type=int, default=50)
    parser.add_argument("--out-dir", required=True)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out_dir, exist_ok=True)
    with open(os.path.join(args.out_dir, "terms.txt"), "w") as f:
        f.write("".join(t + "\n" for t in terms(rng, args.terms)))
    with open(os.path.join(args.out_dir, "rules.toml"), "w") as f:
        f.write(rules(rng, args.rules))


if __name__ == "__main__":
    main()
