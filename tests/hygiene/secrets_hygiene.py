#!/usr/bin/env python3
"""Secrets hygiene: no planted value and no key leaves veil where it should not.

    secrets_hygiene.py VEIL GEN_CORPUS

Runs every command that reads input (scan in every --format; redact with
the label, mask, partial, hash and encrypt styles, from stdin and files, to
stdout, -o and --split-by, with reports, --check, --vault, --policy (remove
style, hash and truncate fields, rejects) and --rejects; baseline, scan
--baseline, merge, restore, policy show/test, rules list/test) over a seeded
corpus of planted values (gen_corpus.py --planted), with the side outputs
(--explain, --stats, --progress, --metrics), and a few error paths (invalid
JSON and invalid UTF-8 lines holding a secret, lines over --max-line-bytes,
a truncated .gz, a corrupt vault, an unwritable -o, wrong keys, bad flag
combinations with a key set). It checks that:

- no planted value appears in clear in any stdout, stderr, report, baseline
  or metrics file (every planted value counts there: reports never hold
  input text);
- a redacted stream (stdout, -o, --split-by files) holds none of the planted
  values veil reports: a value counts when a finding of the json report
  covers it (byte column and length in its raw line), so a value the rules
  do not catch is a recall question (tests/pii), not a leak here; at least
  90 % of the planted values must count;
- only the vault, the --rejects file and restore's output hold values, and
  the vault and the rejects file have mode 0600;
- the key (given with --key-file and with VEIL_KEY; a wrong key too), in
  clear, hex or base64, appears in no output, report, file or stderr,
  error paths included;
- after every command the work directory holds only the files asked for and
  $TMPDIR (a directory of its own) stays empty: no *.tmp or .veil-* left.

Prints one summary line; exits 1 with the failures listed, 77 (skipped)
when /usr/bin/python3 or the generator is missing. VEIL_HYGIENE_VERBOSE=1
also prints each command's exit status and first stderr lines, with planted
values and keys masked.
"""
import base64
import gzip
import json
import os
import stat
import subprocess
import sys
import tempfile

if len(sys.argv) != 3:
    sys.exit(__doc__.split("\n\n")[1])
VEIL, GEN = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
PYTHON = "/usr/bin/python3"
KEY = "veil-hygiene-KEY-9Qm2Xv7Lp4Rz8Tn3"
WRONG_KEY = "veil-hygiene-WRONG-KEY-H3nB6cY1"
VERBOSE = os.environ.get("VEIL_HYGIENE_VERBOSE") == "1"
FAILURES = []
COUNTS = {"commands": 0, "files": 0, "streams": 0}


def key_forms(key):
    raw = key.encode()
    return {"clear": raw, "hex": raw.hex().encode(),
            "HEX": raw.hex().upper().encode(),
            "base64": base64.b64encode(raw).rstrip(b"="),
            "base64url": base64.urlsafe_b64encode(raw).rstrip(b"=")}


KEYS = [(f"{who} ({form_name})", form)
        for key, who in ((KEY, "key"), (WRONG_KEY, "wrong key"))
        for form_name, form in key_forms(key).items()]


def check(cond, message):
    if not cond:
        FAILURES.append(message)


class Planted:
    """The planted values, all of them and those veil reports."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            self.all = [json.loads(line) for line in f]
        for p in self.all:
            p["bytes"] = p["value"].encode()
        self.detected = []

    def mask(self, data):
        """DATA with every planted value and key replaced: safe to print."""
        for p in self.all:
            data = data.replace(p["bytes"], b"<planted " + p["kind"].encode() + b">")
        for name, form in KEYS:
            data = data.replace(form, b"<" + name.encode() + b">")
        return data.decode("utf-8", errors="replace")


PLANTED = None


def covered_by_findings(report_path, input_path, planted):
    """Planted values a finding of the json REPORT covers in INPUT_PATH."""
    with open(input_path, "rb") as f:
        raw = f.read().split(b"\n")
    with open(report_path, encoding="utf-8") as f:
        findings = json.load(f)["findings"]
    spans = {}
    for f in findings:
        if os.path.basename(f["file"]) != os.path.basename(input_path):
            continue
        line = raw[f["line"] - 1]
        start = f["column"] - 1
        spans.setdefault(f["line"], []).append(line[start:start + f["end"] - f["start"]])
    return [p for p in planted
            if any(p["bytes"] in span for span in spans.get(p["line"], []))]


def check_data(where, data, values):
    """No key form in DATA; nor, per VALUES, any planted value ('all'), the
    detected ones ('detected') or none (None: values are allowed there)."""
    for name, form in KEYS:
        check(form not in data, f"{where}: the {name} in clear")
    if values is None:
        return
    pool = PLANTED.all if values == "all" else PLANTED.detected
    leaked = [p for p in pool if p["bytes"] in data]
    if leaked:
        kinds = sorted({p["kind"] for p in leaked})
        lines = sorted({p["line"] for p in leaked})[:10]
        check(False, f"{where}: {len(leaked)} planted value(s) in clear "
              f"({', '.join(kinds)}; planted on corpus line(s) {lines})")


class Workspace:
    """ROOT/work is veil's working directory, ROOT/tmp its $TMPDIR."""

    def __init__(self, root):
        self.root = root
        self.work = os.path.join(root, "work")
        self.tmp = os.path.join(root, "tmp")
        os.mkdir(self.work)
        os.mkdir(self.tmp)
        self.known = set()
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("VEIL")}
        self.env["TMPDIR"] = self.tmp
        self.env.pop("NO_COLOR", None)

    def path(self, name):
        return os.path.join(self.work, name)

    def listing(self):
        names = set()
        for base, dirs, files in os.walk(self.root):
            for name in files + [d for d in dirs if not os.listdir(os.path.join(base, d))]:
                names.add(os.path.relpath(os.path.join(base, name), self.root))
        return names

    def adopt(self):
        """The files present now (inputs written by the test) are expected."""
        self.known = self.listing()

    def write(self, name, data, mode=None):
        with open(self.path(name), "wb") as f:
            f.write(data)
        if mode is not None:
            os.chmod(self.path(name), mode)
        self.known.add(os.path.join("work", name))

    def veil(self, what, args, key=None, stdin=None, rc=(0,), stdout="all",
             outputs=()):
        """Runs veil ARGS and checks all it left behind.

        key: None, "env" (VEIL_KEY=KEY) or "wrong-env" (VEIL_KEY=WRONG_KEY).
        stdout: what stdout may hold, as check_data's VALUES.
        outputs: (name, kind) of the files (or the directory) the command
        writes; kind is "report" (no value), "stream" (no detected value),
        "store" (values allowed, mode 0600), "restored" (values allowed),
        "keys" (only the keys are looked for; the caller checks values) or
        "split" (a directory of streams).
        """
        env = dict(self.env)
        if key == "env":
            env["VEIL_KEY"] = KEY
        elif key == "wrong-env":
            env["VEIL_KEY"] = WRONG_KEY
        COUNTS["commands"] += 1
        try:
            proc = subprocess.run([VEIL] + args, cwd=self.work, env=env, input=stdin,
                                  capture_output=True, timeout=120)
        except subprocess.TimeoutExpired:
            check(False, f"{what}: timed out")
            return None
        check(proc.returncode in rc,
              f"{what}: exit {proc.returncode}, expected {'/'.join(map(str, rc))}: "
              f"{PLANTED.mask(proc.stderr)[:300]}")
        check_data(f"{what}: stdout", proc.stdout, stdout)
        check_data(f"{what}: stderr", proc.stderr, "all")
        COUNTS["streams"] += 2
        if VERBOSE:
            print(f"  exit {proc.returncode}  {what}")
            for line in PLANTED.mask(proc.stderr).strip().split("\n")[:3]:
                print(f"    | {line[:150]}")
        expected = set()
        for name, kind in outputs:
            path = self.path(name)
            if kind == "split":
                check(os.path.isdir(path), f"{what}: no directory {name}")
                files = sorted(os.listdir(path)) if os.path.isdir(path) else []
                check(files, f"{what}: {name} is empty")
                for sub in files:
                    self.check_file(what, os.path.join(name, sub), "stream")
                    expected.add(os.path.join("work", name, sub))
                continue
            check(os.path.isfile(path), f"{what}: did not write {name}")
            if os.path.isfile(path):
                self.check_file(what, name, kind)
                expected.add(os.path.join("work", name))
        now = self.listing()
        stray = sorted(now - self.known - expected)
        check(not stray, f"{what}: left files behind: {stray}")
        self.known = now
        return proc

    def check_file(self, what, name, kind):
        path = self.path(name)
        COUNTS["files"] += 1
        with open(path, "rb") as f:
            data = f.read()
        values = {"report": "all", "stream": "detected"}.get(kind)
        check_data(f"{what}: {name}", data, values)
        if kind == "store":
            mode = stat.S_IMODE(os.stat(path).st_mode)
            check(mode == 0o600, f"{what}: {name} has mode {mode:o}, not 600")


POLICY = b"""[policy]
mode = "deny"
[[policy.fields]]
path = "/metadata/session"
action = "hash"
[[policy.fields]]
path = "**/system_fingerprint"
action = "drop"
[[policy.fields]]
path = "/messages/*/content"
truncate = 300
[[policy.entities]]
match = "secret"
style = "remove"
[[policy.records]]
match = "secret"
min_severity = "critical"
reason = "critical secret"
"""


def bad_input(corpus, planted):
    """Lines that hold a planted value and are not well-formed records: JSON
    cut short, JSON followed by garbage, invalid UTF-8, a bare text line.
    Planted values keep their line numbers relative to the new file."""
    with open(corpus, "rb") as f:
        raw = f.read().split(b"\n")
    lines, moved = [], []
    json_ones = [p for p in planted if raw[p["line"] - 1].startswith(b"{")]
    for i, p in enumerate(json_ones[:12]):
        line = raw[p["line"] - 1]
        end = line.index(p["bytes"]) + len(p["bytes"])
        form = i % 4
        if form == 0:
            bad = line[:end + 2]                       # cut short
        elif form == 1:
            bad = line + b' }garbage "' + p["bytes"] + b'"'  # trailing garbage
        elif form == 2:
            bad = b"\xff\xfe" + line[:end + 1] + b"\xc3"   # invalid UTF-8
        else:
            bad = b"log: " + line[max(0, end - len(p["bytes"]) - 40):end + 20]  # text
        lines.append(bad)
        moved.append(dict(p, line=len(lines)))
    return b"\n".join(lines) + b"\n", moved


def main():
    global PLANTED
    if not os.access(PYTHON, os.X_OK) or not os.path.isfile(GEN):
        print(f"skipped: {PYTHON} or {GEN} is missing")
        return 77
    if not os.access(VEIL, os.X_OK):
        print(f"FAIL: {VEIL} is not an executable")
        return 1
    with tempfile.TemporaryDirectory(prefix="veil-hygiene-") as root:
        ws = Workspace(root)
        planted_path = os.path.join(root, "planted.jsonl")
        subprocess.run([PYTHON, GEN, "--seed", "29", "--records", "150",
                        "--pii-rate", "0.5", "--out", ws.path("corpus.jsonl"),
                        "--planted", planted_path], check=True)
        PLANTED = Planted(planted_path)
        check(len(PLANTED.all) > 50, f"only {len(PLANTED.all)} planted values")
        with open(ws.path("corpus.jsonl"), "rb") as f:
            corpus = f.read()
        ws.adopt()
        ws.write("key", KEY.encode() + b"\n", 0o600)
        ws.write("wrong.key", WRONG_KEY.encode() + b"\n", 0o600)
        ws.write("empty.key", b"", 0o600)
        ws.write("policy.toml", POLICY)
        gz = gzip.compress(corpus, mtime=0)
        ws.write("cut.jsonl.gz", gz[:len(gz) // 2])
        common = ["-j", "1", "--no-config"]

        # The reference: which planted values veil reports.
        ws.veil("scan --format json --key-file --metrics",
                ["scan"] + common + ["--format", "json", "--fail-on", "never",
                                     "--key-file", "key", "--metrics", "scan.prom",
                                     "-o", "scan.json", "corpus.jsonl"],
                outputs=[("scan.json", "report"), ("scan.prom", "report")])
        PLANTED.detected = covered_by_findings(ws.path("scan.json"),
                                               ws.path("corpus.jsonl"), PLANTED.all)
        check(len(PLANTED.detected) >= 0.9 * len(PLANTED.all),
              f"veil reports only {len(PLANTED.detected)} of {len(PLANTED.all)} "
              "planted values: the redacted streams are hardly checked")

        # scan: every other format, to stdout or -o, with the stderr extras;
        # the key from --key-file (None) or VEIL_KEY ("env").
        for fmt, flags, key, to_file in (
                ("jsonl", ["--explain"], "env", True),
                ("sarif", ["--stats", "--progress"], None, True),
                ("text", ["--explain", "--stats"], "env", False),
                ("markdown", [], None, False),
                ("junit", ["--progress"], None, True),
                ("csv", [], "env", False),
                ("html", ["--stats"], "env", True),
                ("github", ["--explain"], None, False)):
            args = ["scan"] + common + ["--format", fmt] + flags
            args += ["--key-file", "key"] if key is None else []
            outputs = [(f"scan.{fmt}", "report")] if to_file else []
            args += ["-o", f"scan.{fmt}"] if to_file else []
            ws.veil(f"scan --format {fmt} {' '.join(flags)}".strip(),
                    args + ["corpus.jsonl"], key=key, rc=(1,), outputs=outputs)

        # redact: every style, from stdin or a file, to stdout or -o, with
        # reports in several formats.
        label = ws.veil("redact - (label, stdin) --vault --report --stats",
                        ["redact"] + common + ["--key-file", "key", "--vault",
                                               "vault.json", "--report", "redact.json",
                                               "--stats", "-"],
                        stdin=corpus, stdout="detected",
                        outputs=[("vault.json", "store"), ("redact.json", "report")])
        ws.write("label.jsonl", label.stdout if label else b"")
        ws.veil("redact --style mask --progress -o --report - (sarif)",
                ["redact"] + common + ["--style", "mask", "--progress", "-o", "mask.jsonl",
                                       "--format", "sarif", "--report", "-",
                                       "corpus.jsonl"],
                key="env", outputs=[("mask.jsonl", "stream")])
        ws.veil("redact --style partial --scope line --explain -o --report html",
                ["redact"] + common + ["--style", "partial", "--scope", "line",
                                       "--explain", "-o", "partial.jsonl", "--report",
                                       "redact.html", "corpus.jsonl"],
                outputs=[("partial.jsonl", "stream"), ("redact.html", "report")])
        ws.veil("redact --style hash --key-file --split-by --out-dir --report text",
                ["redact"] + common + ["--style", "hash", "--key-file", "key",
                                       "--split-by", "/model", "--out-dir", "split",
                                       "--format", "text", "--report", "redact.txt",
                                       "corpus.jsonl"],
                outputs=[("split", "split"), ("redact.txt", "report")])
        ws.veil("redact --style encrypt --key-file -o --report junit",
                ["redact"] + common + ["--style", "encrypt", "--key-file", "key",
                                       "--format", "junit", "-o", "encrypt.jsonl",
                                       "--report", "redact.junit.xml", "corpus.jsonl"],
                outputs=[("encrypt.jsonl", "stream"), ("redact.junit.xml", "report")])
        enc_env = ws.veil("redact --style encrypt (VEIL_KEY, stdout)",
                          ["redact"] + common + ["--style", "encrypt", "corpus.jsonl"],
                          key="env", stdout="detected")
        with open(ws.path("encrypt.jsonl"), "rb") as f:
            check(enc_env is not None and f.read() == enc_env.stdout,
                  "redact --style encrypt: --key-file and VEIL_KEY give different "
                  "output (is the key file read?)")
        ws.veil("redact --check --style hash (VEIL_KEY)",
                ["redact"] + common + ["--check", "--style", "hash", "corpus.jsonl"],
                key="env", rc=(1,))
        ws.veil("redact --policy --rejects --metrics --key-file --report jsonl",
                ["redact"] + common + ["--policy", "policy.toml", "--key-file", "key",
                                       "--rejects", "rejects.jsonl", "--metrics",
                                       "redact.prom", "-o", "policy.jsonl", "--report",
                                       "policy-report.jsonl", "--format", "jsonl",
                                       "corpus.jsonl"],
                outputs=[("rejects.jsonl", "store"), ("redact.prom", "report"),
                         ("policy.jsonl", "stream"), ("policy-report.jsonl", "report")])

        # baseline, scan --baseline, merge.
        ws.veil("baseline -o (VEIL_KEY)",
                ["baseline"] + common + ["-o", "baseline.json", "corpus.jsonl"],
                key="env", outputs=[("baseline.json", "report")])
        ws.veil("merge json reports", ["merge", "scan.json", "scan.json"], key="env")
        ws.veil("merge --shards-of --format sarif -o",
                ["merge", "--shards-of", "corpus.jsonl", "--format", "sarif", "-o",
                 "merged.sarif", "scan.json", "scan.json"],
                outputs=[("merged.sarif", "report")])

        # restore: its output holds values; its stderr and the keys must not.
        ws.veil("restore --vault", ["restore", "--vault", "vault.json", "label.jsonl"],
                stdout=None)
        ws.veil("restore --key-file -o",
                ["restore", "--key-file", "key", "-o", "restored.jsonl", "encrypt.jsonl"],
                outputs=[("restored.jsonl", "restored")])
        ws.veil("restore - (VEIL_KEY, stdin)", ["restore", "-"], key="env",
                stdin=enc_env.stdout if enc_env else b"", stdout=None)
        ws.veil("restore with a wrong VEIL_KEY", ["restore", "encrypt.jsonl"],
                key="wrong-env", stdout="detected")
        ws.veil("restore --vault with a wrong --key-file (and VEIL_KEY)",
                ["restore", "--vault", "vault.json", "--key-file", "wrong.key",
                 "encrypt.jsonl"], key="env", stdout="detected")
        ws.veil("restore, no vault, a wrong VEIL_KEY, on labels",
                ["restore", "label.jsonl"], key="wrong-env", stdout="detected")

        # policy and rules, with a key given.
        ws.veil("policy show --policy", ["policy", "show", "--no-config",
                                         "--policy", "policy.toml"], key="env")
        ws.veil("policy show --format json", ["policy", "show", "--no-config",
                                              "--format", "json"], key="env")
        ws.veil("policy test --style hash --key-file",
                ["policy", "test", "--no-config", "--policy", "policy.toml", "--style",
                 "hash", "--key-file", "key", "corpus.jsonl"])
        ws.veil("rules list", ["rules", "list", "--no-config"], key="env")
        ws.veil("rules test", ["rules", "test", "--no-config"], key="env")

        # Error paths: lines that hold a secret and are no good records
        # (invalid JSON, invalid UTF-8), a truncated .gz, lines over
        # --max-line-bytes.
        bad, moved = bad_input(ws.path("corpus.jsonl"), PLANTED.detected)
        ws.write("bad.jsonl", bad)
        ws.veil("redact bad lines and a truncated .gz --report json",
                ["redact"] + common + ["--key-file", "key", "-o", "bad-out.jsonl",
                                       "--report", "bad.json", "bad.jsonl",
                                       "cut.jsonl.gz"],
                rc=(3,), outputs=[("bad-out.jsonl", "keys"), ("bad.json", "report")])
        if os.path.isfile(ws.path("bad-out.jsonl")):
            with open(ws.path("bad-out.jsonl"), "rb") as f:
                out_lines = f.read().split(b"\n")
            bad_detected = covered_by_findings(ws.path("bad.json"), ws.path("bad.jsonl"),
                                               moved)
            if VERBOSE:
                print(f"  bad lines: {len(bad_detected)} of {len(moved)} values reported")
            survived = [p for p in bad_detected if p["bytes"] in out_lines[p["line"] - 1]]
            check(not survived, f"redact bad lines: {len(survived)} reported value(s) "
                  f"survive ({', '.join(sorted({p['kind'] for p in survived}))})")
            check_data("redact bad lines: the .gz part of bad-out.jsonl",
                       b"\n".join(out_lines[len(moved):]), "detected")
        ws.veil("scan --input jsonl --max-line-bytes 400 --baseline "
                "--report-unused-ignores, bad lines",
                ["scan"] + common + ["--input", "jsonl", "--max-line-bytes", "400",
                                     "--baseline", "baseline.json",
                                     "--report-unused-ignores", "--key-file", "key",
                                     "--fail-on", "never", "bad.jsonl"],
                rc=(3,))
        with open(ws.path("vault.json"), "rb") as f:
            vault = f.read()
        # The closing quote of a value cut out: a parser that quotes what it
        # last read would quote the value.
        first = next((p for p in PLANTED.detected if p["bytes"] + b'",' in vault), None)
        check(first is not None, "vault.json holds no planted value")
        if first is not None:
            at = vault.index(first["bytes"] + b'",') + len(first["bytes"])
            vault = vault[:at] + vault[at + 2:]
        ws.write("cut-vault.json", vault, 0o600)
        ws.veil("restore --vault (a corrupt vault: a value not closed)",
                ["restore", "--vault", "cut-vault.json", "label.jsonl"],
                rc=(2, 3), stdout=None)
        ws.veil("redact --vault (extending a corrupt vault)",
                ["redact"] + common + ["--vault", "cut-vault.json", "-o",
                                       "never.jsonl", "corpus.jsonl"],
                key="env", rc=(2, 3))

        # Error paths with a key given (both ways): bad flags, no directory.
        ws.veil("redact -o into a missing directory (key set)",
                ["redact"] + common + ["--style", "hash", "--key-file", "key", "-o",
                                       "missing/out.jsonl", "corpus.jsonl"],
                key="env", rc=(3,))
        ws.veil("redact --split-by without --out-dir (key set)",
                ["redact"] + common + ["--style", "encrypt", "--key-file", "key",
                                       "--split-by", "/model", "corpus.jsonl"],
                key="env", rc=(2,))
        ws.veil("redact --scope bogus (key set)",
                ["redact"] + common + ["--style", "hash", "--key-file", "key",
                                       "--scope", "bogus", "corpus.jsonl"],
                key="env", rc=(2,))
        ws.veil("restore --key-file of an empty file (VEIL_KEY set)",
                ["restore", "--key-file", "empty.key", "encrypt.jsonl"],
                key="env", rc=(2, 3))

        print(f"secrets hygiene: {COUNTS['commands']} veil commands; "
              f"{COUNTS['streams']} stdout/stderr streams and {COUNTS['files']} "
              f"files checked for {len(PLANTED.all)} planted values "
              f"({len(PLANTED.detected)} reported) and {len(KEYS)} key forms; "
              f"{len(FAILURES)} failures")
    for failure in FAILURES[:100]:
        print("FAIL:", failure)
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
