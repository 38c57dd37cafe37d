#!/usr/bin/env python3
"""Reversible redaction: restore(redact(x)) == x on seeded corpora.

    roundtrip.py VEIL GEN_CORPUS

For each reversible style (label, hash, encrypt) a seeded chat-log corpus
(scripts/gen_corpus.py, a high planted-value rate) and a seeded corpus of
awkward strings (JSON escapes, quotes, backslashes, non-ASCII, brackets that
are not placeholders, values next to each other) are redacted with --vault,
then restored with the vault:

- every line comes back: text lines and lines without findings byte for
  byte; JSON lines as the same document (restore re-escapes the string
  tokens it changes, so "\\u00e9" may come back as "é": same JSON value);
- the redacted stream holds no planted value; the vault has mode 0600;
- encrypt tokens also come back with the key alone, without the vault;
- -j 1 and -j 4 write byte-identical output and vaults;
- a second redact with the now existing vault gives the same output.
"""
import json
import os
import random
import stat
import subprocess
import sys
import tempfile

VEIL, GEN = sys.argv[1], sys.argv[2]
KEY = "roundtrip-property-key"
FAILURES = []


def check(cond, message):
    if not cond:
        FAILURES.append(message)


def run(args, stdin=None, env_key=True):
    env = dict(os.environ)
    env.pop("VEIL_KEY", None)
    if env_key:
        env["VEIL_KEY"] = KEY
    proc = subprocess.run([VEIL] + args, input=stdin, capture_output=True,
                          env=env)
    check(proc.returncode == 0, f"veil {' '.join(args)}: exit "
          f"{proc.returncode}: {proc.stderr.decode(errors='replace')[:300]}")
    return proc


def awkward_corpus(seed, count):
    """Values in the places that break naive splicing: escapes around them,
    one right after another, in keys' neighbours, in text lines."""
    rng = random.Random(seed)
    names = ["ann", "bob.lee", "zoe", "m.o", "li.wei", "jo"]
    hosts = ["corp-mail.net", "acme.io", "mailhost.org", "b2b.co.uk"]
    noise = ['\\"', "\\\\", "\\n", "\\t", "\\u00e9", "\\ud83d\\ude00", "é",
             "日本", "[1]", "[sic]", "[x_", "]", "'", "<b>", "  "]
    lines = []
    planted = []
    for i in range(count):
        parts = []
        for _ in range(rng.randint(1, 5)):
            email = f"{rng.choice(names)}{rng.randint(1, 99999)}@{rng.choice(hosts)}"
            planted.append(email)
            parts.append(rng.choice(noise) + email + rng.choice(noise))
            if rng.random() < 0.3:
                parts.append(email)  # the same value again: one placeholder
        body = rng.choice(["", " ", ", "]).join(parts)
        if i % 5 == 4:
            # a text line: unescape our JSON escapes into raw characters
            lines.append(json.loads('"' + body + '"').replace("\n", " "))
        else:
            lines.append('{"id":%d,"messages":[{"role":"user","content":"%s"}],'
                         '"n":1.50}' % (i, body))
    return ("\n".join(lines) + "\n").encode(), planted


def chat_corpus(tmp, seed):
    out = os.path.join(tmp, f"corpus{seed}.jsonl")
    planted = os.path.join(tmp, f"planted{seed}.jsonl")
    subprocess.run([sys.executable, GEN, "--seed", str(seed), "--records", "400",
                    "--pii-rate", "0.5", "--out", out, "--planted", planted],
                   check=True)
    with open(out, "rb") as f:
        data = f.read()
    values = []
    with open(planted, encoding="utf-8") as f:
        for line in f:
            values.append(json.loads(line)["value"])
    return data, values


def same_line(original, restored):
    if original == restored:
        return True
    try:
        return json.loads(original) == json.loads(restored)
    except ValueError:
        return False


def check_roundtrip(name, original, restored):
    a = original.split(b"\n")
    b = restored.split(b"\n")
    check(len(a) == len(b), f"{name}: {len(a)} lines in, {len(b)} restored")
    bad = [i + 1 for i, (x, y) in enumerate(zip(a, b)) if not same_line(x, y)]
    check(not bad, f"{name}: lines not restored: {bad[:10]} (of {len(bad)})")


def roundtrip(tmp, name, data, planted, style, extra=()):
    vault = os.path.join(tmp, f"{name}-{style}.vault.json")
    src = os.path.join(tmp, f"{name}.in")
    with open(src, "wb") as f:
        f.write(data)
    args = ["redact", "--style", style, "--vault", vault, *extra, src]
    redacted = run(args + ["-j", "1"]).stdout
    mode = stat.S_IMODE(os.stat(vault).st_mode)
    check(mode == 0o600, f"{name}/{style}: vault mode {oct(mode)}")
    with open(vault, "rb") as f:
        vault_j1 = f.read()
    check(json.loads(vault_j1)["entries"], f"{name}/{style}: empty vault")
    leaked = [v for v in planted if v.encode() in redacted]
    check(not leaked, f"{name}/{style}: {len(leaked)} planted values survive")

    restored = run(["restore", "--vault", vault]
                   + (["--input", "text"] if "text" in extra else []),
                   stdin=redacted).stdout
    check_roundtrip(f"{name}/{style}", data, restored)

    # Parallel workers, and the vault now exists: same bytes again.
    redacted_j4 = run(args + ["-j", "4"]).stdout
    check(redacted_j4 == redacted, f"{name}/{style}: -j 4 output differs")
    with open(vault, "rb") as f:
        check(f.read() == vault_j1, f"{name}/{style}: vault changed on rerun")

    if style == "encrypt":
        keyed = run(["restore"] + (["--input", "text"] if "text" in extra
                                   else []), stdin=redacted).stdout
        check_roundtrip(f"{name}/encrypt without vault", data, keyed)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        corpora = [("chat", *chat_corpus(tmp, 11)),
                   ("awkward", *awkward_corpus(12, 400))]
        for name, data, planted in corpora:
            for style in ("label", "hash", "encrypt"):
                roundtrip(tmp, name, data, planted, style)
        # The same corpus read as plain text: no JSON escaping anywhere.
        roundtrip(tmp, "awkward-text", corpora[1][1], corpora[1][2], "label",
                  extra=("--input", "text"))
    if FAILURES:
        print("\n".join(FAILURES))
        return 1
    print("roundtrip: restore(redact(x)) == x for label, hash and encrypt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
