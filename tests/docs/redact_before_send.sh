#!/usr/bin/env bash
# Runs examples/redact-before-send.sh offline (--dry-run: nothing is sent)
# and checks what README promises: the request that would leave the machine
# holds no planted value, and the restored answer holds all of them again.
#
#   redact_before_send.sh VEIL SCRIPT
set -u
export VEIL=$1
script=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export VAULT=$work/vault.json
email=maria.keller@corp-mail.net
key=ghp_$(printf 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8')
prompt="Please write to $email about the deploy token $key, and sign as Maria."
unset DEEPSEEK_API_KEY
if ! "$script" --dry-run "$prompt" > "$work/out" 2> "$work/err"; then
  echo "the script failed:"; cat "$work/err"; exit 1
fi
status=0
for value in "$email" "$key"; do
  if grep -qF -- "$value" "$work/err"; then
    echo "sent in clear: a planted value is in the redacted request"
    status=1
  fi
  if ! grep -qF -- "$value" "$work/out"; then
    echo "not restored: a planted value is missing from the answer"
    status=1
  fi
done
grep -q '\[EMAIL_ADDRESS_1\]' "$work/err" ||
  { echo "no placeholder in the request:"; cat "$work/err"; status=1; }
mode=$(stat -c %a "$VAULT")
[ "$mode" = 600 ] || { echo "vault mode $mode, not 600"; status=1; }
exit $status
