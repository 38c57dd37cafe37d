#!/usr/bin/env bash
# A directory walk inside a git work tree reads what git shows: ignored
# files are skipped, tracked ones never are, --no-gitignore walks all, and a
# directory that is itself ignored is walked whole when named.
#
#   gitignore_walk.sh VEIL      (exit 77 = skipped: no git)
set -euo pipefail
veil=$(realpath "$1")
command -v git >/dev/null || { echo "git not installed"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export GIT_CONFIG_NOSYSTEM=1 HOME="$work"
git init -q -b main
printf 'ignored/\n*.tmp\n!keep.tmp\n' > .gitignore
mkdir -p ignored sub
line='contact: alice.walker@corp-mail.net'
for f in kept.txt sub/deep.txt ignored/x.txt a.tmp keep.tmp tracked.tmp; do
  echo "$line" > "$f"
done
git add -f tracked.tmp

files() { # the files veil reports, sorted
  "$veil" scan --format csv --fail-on never "$@" | tail -n +2 | cut -d, -f1 |
    sort -u | tr '\n' ' '
}
fail() { echo "FAIL: $*"; exit 1; }

got=$(files .)
want="./keep.tmp ./kept.txt ./sub/deep.txt ./tracked.tmp "
[ "$got" = "$want" ] || fail "walk: got '$got', want '$want'"
got=$(files . --no-gitignore)
want="./a.tmp ./ignored/x.txt ./keep.tmp ./kept.txt ./sub/deep.txt ./tracked.tmp "
[ "$got" = "$want" ] || fail "--no-gitignore: got '$got', want '$want'"
got=$(files ignored)
[ "$got" = "ignored/x.txt " ] || fail "named ignored dir: got '$got'"
got=$(files . --exclude sub/ --exclude 'k*')
[ "$got" = "./tracked.tmp " ] || fail "--exclude: got '$got'"
echo "ok"
