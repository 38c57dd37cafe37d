#!/usr/bin/env python3
"""veil's SARIF log is valid SARIF 2.1.0 and what GitHub code scanning accepts.

    sarif_schema.py VEIL GEN_CORPUS SCHEMA

Scans a generated corpus (a relative path), a file outside the working
directory (an absolute path), standard input and an empty input with
--format sarif, and checks each log:
- against the OASIS JSON schema (draft-04, Debian's python3-jsonschema);
- against GitHub code scanning's rules: relative artifact URIs (no scheme, no
  leading '/', a uriBaseId only when originalUriBaseIds defines it), every
  result's rule in tool.driver.rules at its ruleIndex, 1-based regions,
  security-severity a number, at most 25,000 results per run;
- that no planted value of the corpus appears anywhere in the log.
Exit 77 (skipped) when SCHEMA does not exist.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

VEIL, GEN, SCHEMA = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3]
FAILURES = []
LEVELS = {"none", "note", "warning", "error"}


def check(cond, message):
    if not cond:
        FAILURES.append(message)


def scan(args, cwd, stdin=b""):
    proc = subprocess.run([VEIL, "scan", "--format", "sarif", "--fail-on", "never"] + args,
                          cwd=cwd, input=stdin, capture_output=True)
    check(proc.returncode == 0, f"veil scan {' '.join(args)}: exit {proc.returncode}: "
          f"{proc.stderr.decode(errors='replace')[:300]}")
    return proc.stdout.decode("utf-8")


def check_github_rules(name, log):
    for run in log["runs"]:
        rules = run["tool"]["driver"].get("rules", [])
        ids = [r["id"] for r in rules]
        check(len(ids) == len(set(ids)), f"{name}: duplicate rule ids")
        for rule in rules:
            score = rule.get("properties", {}).get("security-severity")
            if score is not None:
                check(re.fullmatch(r"\d+(\.\d+)?", score) is not None,
                      f"{name}: rule {rule['id']}: security-severity {score!r}")
            check(rule.get("shortDescription", {}).get("text"),
                  f"{name}: rule {rule['id']} has no shortDescription")
        bases = run.get("originalUriBaseIds", {})
        results = run.get("results", [])
        check(len(results) <= 25000, f"{name}: {len(results)} results in a run")
        for i, result in enumerate(results):
            where = f"{name}: result {i}"
            check(result["ruleId"] in ids, f"{where}: rule {result['ruleId']} not listed")
            if "ruleIndex" in result:
                check(ids[result["ruleIndex"]] == result["ruleId"],
                      f"{where}: ruleIndex does not point at its rule")
            check(result.get("level") in LEVELS, f"{where}: level {result.get('level')}")
            check(result["message"].get("text"), f"{where}: no message text")
            check(len(result["locations"]) == 1, f"{where}: not one location")
            for location in result["locations"]:
                artifact = location["physicalLocation"]["artifactLocation"]
                uri = artifact["uri"]
                check(not uri.startswith("/") and ":" not in uri.split("/")[0],
                      f"{where}: URI {uri!r} is not relative")
                base = artifact.get("uriBaseId")
                check(base is None or base in bases, f"{where}: unknown uriBaseId {base}")
                region = location["physicalLocation"]["region"]
                check(region["startLine"] >= 1, f"{where}: startLine {region['startLine']}")
                if "endColumn" in region:
                    check(region["endColumn"] > region["startColumn"],
                          f"{where}: empty column range")
            for value in result.get("partialFingerprints", {}).values():
                check(isinstance(value, str) and value, f"{where}: bad fingerprint")


def main():
    if not os.path.isfile(SCHEMA):
        print(f"SKIP: no SARIF schema at {SCHEMA}")
        return 77
    try:
        import jsonschema
    except ImportError:
        print("FAIL: python3-jsonschema is not installed (scripts/install-deps.sh)")
        return 1
    with open(SCHEMA, encoding="utf-8") as f:
        validator = jsonschema.Draft4Validator(json.load(f))

    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as outside:
        subprocess.run(["/usr/bin/python3", GEN, "--seed", "11", "--records", "1500",
                        "--pii-rate", "0.3", "--out", os.path.join(tmp, "logs.jsonl"),
                        "--planted", os.path.join(tmp, "planted.jsonl")], check=True)
        odd = os.path.join(outside, "odd name #1.log")
        with open(odd, "wb") as f:
            f.write(b'{"id": "x", "broken\nmail {jane.doe@contoso-corp.net}\n\xff\xfe bad utf-8\n')
        logs = {
            "corpus": scan(["logs.jsonl"], tmp),
            "outside": scan([odd], tmp),
            "stdin": scan([], tmp, b'{"messages":[{"role":"user","content":'
                                   b'"reach me at ann.lee@northwindmail.net"}]}\n'),
            "empty": scan([], tmp, b""),
        }
        with open(os.path.join(tmp, "planted.jsonl"), encoding="utf-8") as f:
            planted = [json.loads(line) for line in f]

    for name, text in logs.items():
        try:
            log = json.loads(text)
        except ValueError as e:
            check(False, f"{name}: not JSON: {e}")
            continue
        for error in sorted(validator.iter_errors(log), key=str)[:5]:
            check(False, f"{name}: schema: {error.message} at "
                  f"{'/'.join(str(p) for p in error.absolute_path)}")
        check_github_rules(name, log)
        results = log["runs"][0].get("results", [])
        print(f"{name}: {len(results)} results")
        check(name == "empty" or results, f"{name}: no results")
    check(any(r["locations"][0]["physicalLocation"]["artifactLocation"].get("uriBaseId")
              == "ROOT" for r in json.loads(logs["outside"])["runs"][0]["results"]),
          "outside: a file outside the working directory is not relative to ROOT")
    check(len(planted) > 50, f"only {len(planted)} planted values")
    for p in planted:
        check(p["value"] not in logs["corpus"], f"planted {p['kind']} appears in the log")

    for failure in FAILURES[:50]:
        print("FAIL:", failure)
    print(f"{len(FAILURES)} failures")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
