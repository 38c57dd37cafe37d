#!/usr/bin/env python3
"""The html report loads in a real browser (headless Chromium) with no errors.

    html_in_browser.py VEIL GEN_CORPUS

Writes an html report of a generated corpus plus a text file whose name is
an HTML tag, opens it in headless Chromium with "#sort=severity:desc" and
checks, on the DOM after the page's script ran:
- the findings table has one row per finding (as many as the jsonl report),
  sorted by severity, worst first, and the severity header says so;
- the five charts are inline SVG with bars;
- the hostile file name is text, never an element;
- the browser's console (--enable-logging=stderr) got no message at all: no
  script error, and no Content-Security-Policy refusal, which is also what
  any attempt to fetch something would give.
"""
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile

VEIL, GEN = os.path.abspath(sys.argv[1]), sys.argv[2]
HOSTILE = "<img src=x onerror=alert(1)>.txt"
FAILURES = []


def check(cond, message):
    if not cond:
        FAILURES.append(message)


class Dom(html.parser.HTMLParser):
    """What the test needs from the dumped DOM: rows, charts, elements."""

    def __init__(self):
        super().__init__()
        self.tags = {}
        self.rows = []  # severity rank (data-v of the second cell) per row
        self.bars = 0
        self.charts = 0
        self.sorted_by = {}
        self.in_body = False
        self.cell = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags[tag] = self.tags.get(tag, 0) + 1
        if tag == "svg" and a.get("class") == "chart":
            self.charts += 1
        elif tag == "rect":
            self.bars += 1
        elif tag == "th" and "aria-sort" in a:
            self.sorted_by[a.get("data-key")] = a["aria-sort"]
        elif tag == "tbody":
            self.in_body = True
        elif tag == "tr" and self.in_body:
            self.cell = 0
        elif tag == "td" and self.in_body:
            self.cell += 1
            if self.cell == 2:
                self.rows.append(int(a["data-v"]))

    def handle_endtag(self, tag):
        if tag == "tbody":
            self.in_body = False


def main():
    browser = shutil.which("chromium")
    if browser is None:
        print("FAIL: chromium is not installed (scripts/install-deps.sh)")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["/usr/bin/python3", GEN, "--seed", "5", "--records", "400",
                        "--pii-rate", "0.3", "--out", os.path.join(tmp, "chat.jsonl")],
                       check=True)
        with open(os.path.join(tmp, HOSTILE), "w", encoding="utf-8") as f:
            f.write("write to jane.doe@contoso-corp.net\n")
        inputs = ["chat.jsonl", HOSTILE]
        report = os.path.join(tmp, "report.html")
        for fmt, out in (("html", report), ("jsonl", os.path.join(tmp, "r.jsonl"))):
            proc = subprocess.run([VEIL, "scan", "--fail-on", "never", "--format", fmt,
                                   "-o", out] + inputs, cwd=tmp, capture_output=True)
            check(proc.returncode == 0, f"veil scan --format {fmt}: exit {proc.returncode}"
                  f": {proc.stderr.decode(errors='replace')[:300]}")
        with open(os.path.join(tmp, "r.jsonl"), encoding="utf-8") as f:
            findings = sum(1 for line in f if '"summary"' not in line)

        profile = os.path.join(tmp, "profile")
        proc = subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
             "--enable-logging=stderr", "--v=0", "--dump-dom",
             "file://" + report + "#sort=severity:desc"],
            capture_output=True, timeout=180)
    check(proc.returncode == 0, f"chromium: exit {proc.returncode}")
    console = [line for line in proc.stderr.decode(errors="replace").splitlines()
               if ":CONSOLE" in line]
    for line in console:
        check(False, f"browser console: {line[:300]}")

    dom = Dom()
    dom.feed(proc.stdout.decode("utf-8", errors="replace"))
    print(f"{findings} findings, {len(dom.rows)} rows, {dom.charts} charts, "
          f"{dom.bars} bars, {len(console)} console messages")
    check(findings > 50, f"only {findings} findings in the corpus")
    check(len(dom.rows) == findings, f"{len(dom.rows)} table rows for {findings} findings")
    check(dom.rows == sorted(dom.rows, reverse=True), "rows are not sorted worst first")
    check(dom.sorted_by == {"severity": "descending"}, f"sort state {dom.sorted_by}")
    check(dom.charts == 5, f"{dom.charts} charts")
    check(dom.bars >= 10, f"{dom.bars} bars")
    check("img" not in dom.tags, "a file name became an <img> element")
    check(dom.tags.get("script") == 1, f"{dom.tags.get('script')} script elements")
    check(HOSTILE in proc.stdout.decode("utf-8", errors="replace").replace(
        "&lt;", "<").replace("&gt;", ">"), "the hostile file name is not shown as text")

    for failure in FAILURES[:50]:
        print("FAIL:", failure)
    print(f"{len(FAILURES)} failures")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
