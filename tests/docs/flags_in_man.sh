#!/usr/bin/env bash
# Fails when a flag that some command's --help lists is missing from
# man/veil.1, so the manual cannot drift from the program.
#
#   flags_in_man.sh VEIL MANPAGE
set -u
veil=$1
man=$2
missing=0
for cmd in scan redact restore "rules list" "rules show" "rules test" "rules lint" merge baseline \
    "policy show" "policy test"; do
  # shellcheck disable=SC2086
  for flag in $("$veil" $cmd --help | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
    roff=${flag//-/\\-}
    if ! grep -qF -- "$roff" "$man"; then
      echo "veil $cmd: $flag is not in $man"
      missing=1
    fi
  done
done
exit $missing
