# Sourced by scripts/bench and scripts/bench-instructions (run from the top
# of the tree). Generated files live in build/bench/ and are made once: only
# a finished file is ever reused.

# `generate_once FILE WHAT COMMAND...`: FILE if it exists; else runs COMMAND
# with a temporary file's name added last, and renames that file to FILE.
generate_once() {
  local file=$1 what=$2 tmp
  shift 2
  if [ -s "$file" ]; then
    echo "bench: reusing $file"
    return 0
  fi
  echo "bench: generating $file ($what)"
  mkdir -p "$(dirname "$file")"
  tmp=$(mktemp "$(dirname "$file")/generating.XXXXXX")
  trap 'rm -f "$tmp"' EXIT
  "$@" "$tmp"
  mv "$tmp" "$file"
  trap - EXIT
}

bench_python() {
  if [ -x /usr/bin/python3 ]; then echo /usr/bin/python3; else echo python3; fi
}

# `bench_corpus SIZE_MB` sets $corpus to the seed-1 chat-log corpus of that
# size (2% planted values).
bench_corpus() {
  corpus=build/bench/corpus-seed1-$1mb.jsonl
  generate_once "$corpus" "$1 MB, seed 1" "$(bench_python)" \
    scripts/gen_corpus.py --seed 1 --size-mb "$1" --pii-rate 0.02 --out
}

# `long_prompts_corpus SIZE_MB` sets $long_corpus to records whose user
# message is a ~50 KB prompt joined from $corpus' messages
# (scripts/gen_long_prompts.py): long unique texts, which the field cache
# cannot help with and which make most keyword rules candidates. Needs
# bench_corpus first.
long_prompts_corpus() {
  long_corpus=build/bench/long-prompts-seed1-$1mb.jsonl
  generate_once "$long_corpus" "$1 MB of ~50 KB prompts" "$(bench_python)" \
    scripts/gen_long_prompts.py "$corpus" "$1"
}
