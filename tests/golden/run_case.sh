#!/usr/bin/env bash
# Runs the real veil binary on one golden case and diffs every expectation.
#
#   run_case.sh VEIL CASE_DIR
#
# A case directory holds:
#   args             the command line after "veil" (shell words, one line)
#   stdin            optional: fed to veil's stdin (else /dev/null)
#   env              optional: KEY=VALUE lines exported for the run
#   expected.stdout  expected.stderr  expected.code
#   expected.file.NAME   optional: compared with the file NAME veil wrote
#   any input files the args name (veil runs inside a copy of the case dir)
# Elapsed times and the checkout's path ($GOLDEN) are normalized. VEIL_BLESS=1 rewrites the expectations.
set -u
veil=$(realpath "$1")
# Cases name shared files (engine.toml) as $GOLDEN/...
export GOLDEN=$(cd "$(dirname "$0")" && pwd)
case_dir=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -a "$case_dir"/. "$work"/
cd "$work" || exit 2

if [ -f env ]; then
  while IFS= read -r kv; do
    [ -n "$kv" ] && export "${kv?}"
  done < env
fi
input=/dev/null
[ -f stdin ] && input=stdin
eval "set -- $(cat args)"
"$veil" "$@" < "$input" > actual.stdout 2> actual.stderr
echo $? > actual.code

normalize() {
  sed -E -e "s|$GOLDEN|\$GOLDEN|g" \
         -e 's/^elapsed: .*/elapsed: X/' \
         -e 's/"elapsed_seconds": ?[0-9.e+-]+/"elapsed_seconds": 0/' "$1"
}

status=0
compare() { # expected-file actual-file
  local expected=$1 actual=$2
  if [ "${VEIL_BLESS:-}" = 1 ]; then
    normalize "$actual" > "$case_dir/$expected"
    return
  fi
  if [ ! -f "$actual" ]; then
    echo "missing output: $actual (for $expected)"
    status=1
  elif ! diff -u --label "$expected" --label "actual" \
        "$case_dir/$expected" <(normalize "$actual"); then
    status=1
  fi
}

compare expected.stdout actual.stdout
compare expected.stderr actual.stderr
compare expected.code actual.code
for expected in "$case_dir"/expected.file.*; do
  [ -e "$expected" ] || continue
  name=${expected##*/expected.file.}
  compare "expected.file.$name" "$name"
done
exit $status
