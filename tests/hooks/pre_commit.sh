#!/usr/bin/env bash
# The real pre-commit tool runs the hooks of .pre-commit-hooks.yaml in a
# throwaway git repository: a commit with a planted key is refused, and
# accepted once the key is removed or baselined; veil-redact-check refuses a
# file that redact would change. Offline: the hooks are copied into a
# `repo: local` config (language: system), with the built veil first on PATH.
#
#   pre_commit.sh VEIL REPO_ROOT      (exit 77 = skipped: no pre-commit)
set -euo pipefail
veil=$(realpath "$1")
root=$(realpath "$2")
command -v pre-commit >/dev/null || { echo "pre-commit not installed"; exit 77; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin" "$work/repo"
ln -s "$veil" "$work/bin/veil"
export PATH="$work/bin:$PATH"
export PRE_COMMIT_HOME="$work/cache" HOME="$work"
export GIT_CONFIG_NOSYSTEM=1 NO_COLOR=1
cd "$work/repo"
git init -q -b main
git config user.name "veil test"
git config user.email "veil-test@users.noreply.github.com"
git config commit.gpgsign false

# The manifest's hooks as a local repo; redact-check only on demand, so
# that a baselined key can be committed.
/usr/bin/python3 - "$root/.pre-commit-hooks.yaml" > .pre-commit-config.yaml <<'PY'
import sys, yaml
hooks = yaml.safe_load(open(sys.argv[1]))
for hook in hooks:
    if hook["id"] == "veil":
        hook["args"] = ["--baseline", ".veil-baseline.json"]
    else:
        hook["stages"] = ["manual"]
yaml.safe_dump({"repos": [{"repo": "local", "hooks": hooks}]}, sys.stdout)
PY
veil baseline -o .veil-baseline.json < /dev/null 2>/dev/null
pre-commit install >/dev/null
git add .pre-commit-config.yaml .veil-baseline.json
git commit -q -m "hooks" >/dev/null

fail() { echo "FAIL: $*"; exit 1; }
key='ghp_'"R8mQ2vX7kLp4nZ9sT1wY6bC3dF5gH0jK2mNq"
printf 'DEBUG=1\nGITHUB_TOKEN=%s\n' "$key" > app.env

git add app.env
if git commit -q -m "planted key" > out.txt 2>&1; then
  fail "a commit with a planted key was accepted"
fi
grep -q "secret.github_pat" out.txt || { cat out.txt; fail "no finding named"; }
grep -q "$key" out.txt && fail "the key was printed in clear"
echo "ok: planted key refused"

printf 'DEBUG=1\n' > app.env
git add app.env
git commit -q -m "no key" > out.txt 2>&1 || { cat out.txt; fail "clean commit refused"; }
echo "ok: accepted once the key is removed"

printf 'DEBUG=1\nGITHUB_TOKEN=%s\n' "$key" > app.env
veil baseline app.env -o .veil-baseline.json 2>/dev/null
git add app.env .veil-baseline.json
git commit -q -m "baselined key" > out.txt 2>&1 || { cat out.txt; fail "baselined key refused"; }
grep -q "$key" .veil-baseline.json && fail "the baseline holds the key"
echo "ok: accepted once the key is baselined"

if pre-commit run --hook-stage manual veil-redact-check --files app.env \
    > out.txt 2>&1; then
  cat out.txt; fail "redact-check passed a file with a key"
fi
grep -q "would be redacted" out.txt || { cat out.txt; fail "no redact-check message"; }
printf 'DEBUG=1\n' > clean.env
pre-commit run --hook-stage manual veil-redact-check --files clean.env \
  > out.txt 2>&1 || { cat out.txt; fail "redact-check refused a clean file"; }
echo "ok: veil-redact-check"
