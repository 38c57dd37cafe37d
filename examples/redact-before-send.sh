#!/usr/bin/env bash
# Redact before send: a prompt goes to DeepSeek's OpenAI-compatible chat API
# without the personal data and secrets in it, and the answer comes back
# with them put in again.
#
#   1. veil redact --vault: the request leaves with placeholders
#      ([EMAIL_ADDRESS_1], [PHONE_NUMBER_1]); the originals stay on this
#      machine, in a vault file (mode 0600);
#   2. curl sends the redacted request to
#      https://api.deepseek.com/chat/completions;
#   3. veil restore --vault puts the originals back into the answer.
#
# Usage:
#   DEEPSEEK_API_KEY=sk-... examples/redact-before-send.sh "PROMPT"
#   examples/redact-before-send.sh --dry-run "PROMPT"
#
# --dry-run, or no DEEPSEEK_API_KEY, sends nothing: the answer is a canned
# one that quotes the redacted prompt, so every step but the request runs
# offline (the test suite runs it so). The redacted request is printed on
# stderr (what would leave the machine), the restored answer on stdout.
# VEIL names the veil binary (default: veil on PATH); VAULT keeps the vault
# in a file of your choice, so that a conversation keeps its placeholders
# from one turn to the next (default: a temporary file, removed at exit).
# Needs curl and jq.
set -euo pipefail

dry_run=0
if [ "${1:-}" = "--dry-run" ]; then
  dry_run=1
  shift
fi
if [ $# -ne 1 ]; then
  echo "usage: $0 [--dry-run] PROMPT" >&2
  exit 2
fi
[ -n "${DEEPSEEK_API_KEY:-}" ] || dry_run=1
veil=${VEIL:-veil}

umask 077 # the vault and the request hold clear values until redacted
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
vault=${VAULT:-$work/vault.json}

# The request as the API takes it. The system prompt asks the model to keep
# placeholders as they are, so that restore finds them in the answer.
jq -cn --arg prompt "$1" '{
  model: "deepseek-chat",
  messages: [
    {role: "system", content: "Text in square brackets such as [PERSON_1] stands for a value kept private. Copy such placeholders exactly as written."},
    {role: "user", content: $prompt}
  ]
}' > "$work/request.json"

# 1. Redact: only this file leaves the machine.
"$veil" redact --vault "$vault" -o "$work/request.redacted.json" \
  "$work/request.json"
echo "sent: $(jq -r '.messages[1].content' "$work/request.redacted.json")" >&2

# 2. Send, or make up an answer offline.
if [ "$dry_run" = 1 ]; then
  jq -c '{choices: [{index: 0, message: {role: "assistant",
    content: ("Noted. You wrote: " + .messages[1].content)}}]}' \
    "$work/request.redacted.json" > "$work/answer.json"
else
  # The key goes through a file, not curl's argv (ps would show it).
  printf 'Authorization: Bearer %s\n' "$DEEPSEEK_API_KEY" > "$work/auth"
  curl -sS --fail-with-body https://api.deepseek.com/chat/completions \
    -H @"$work/auth" -H 'Content-Type: application/json' \
    --data-binary @"$work/request.redacted.json" |
    jq -c . > "$work/answer.json" # one JSON document per line for restore
fi

# 3. Restore the answer and print the model's text.
"$veil" restore --vault "$vault" "$work/answer.json" |
  jq -r '.choices[0].message.content'
