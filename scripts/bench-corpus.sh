# Sourced by scripts/bench and scripts/bench-instructions (run from the top
# of the tree): `bench_corpus SIZE_MB` sets $corpus to the seed-1 chat-log
# corpus of that size in build/bench/, generating it once (2% planted
# values); only a finished corpus is ever reused.
bench_corpus() {
  local size_mb=$1 dir=build/bench python=/usr/bin/python3 tmp
  [ -x "$python" ] || python=python3
  mkdir -p "$dir"
  corpus=$dir/corpus-seed1-${size_mb}mb.jsonl
  if [ -s "$corpus" ]; then
    echo "bench: reusing $corpus"
    return 0
  fi
  echo "bench: generating $corpus (${size_mb} MB, seed 1)"
  tmp=$(mktemp "$dir/corpus.XXXXXX")
  trap 'rm -f "$tmp"' EXIT
  "$python" scripts/gen_corpus.py --seed 1 --size-mb "$size_mb" \
    --pii-rate 0.02 --out "$tmp"
  mv "$tmp" "$corpus"
  trap - EXIT
}
