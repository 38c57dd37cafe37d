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

# `long_prompts_corpus SIZE_MB` sets $long_corpus to records whose user
# message is a ~50 KB prompt (a RAG context, a pasted document): the message
# texts of the seed-1 corpus in order, joined, up to SIZE_MB. Long unique
# texts are what the field cache cannot help with and what makes most
# keyword rules candidates. Needs $corpus (bench_corpus) first.
long_prompts_corpus() {
  local size_mb=$1 dir=build/bench python=/usr/bin/python3 tmp
  [ -x "$python" ] || python=python3
  long_corpus=$dir/long-prompts-seed1-${size_mb}mb.jsonl
  if [ -s "$long_corpus" ]; then
    echo "bench: reusing $long_corpus"
    return 0
  fi
  echo "bench: generating $long_corpus (${size_mb} MB of ~50 KB prompts)"
  tmp=$(mktemp "$dir/long.XXXXXX")
  trap 'rm -f "$tmp"' EXIT
  "$python" - "$corpus" "$size_mb" "$tmp" <<'PY'
import json, sys
corpus, size_mb, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
limit, prompt = size_mb * 1e6, 50_000
written, chunk = 0, []
with open(corpus, encoding="utf-8") as src, open(out, "w", encoding="utf-8") as dst:
    for line in src:
        try:
            messages = json.loads(line).get("messages")
        except (ValueError, AttributeError):
            continue
        for m in messages if isinstance(messages, list) else []:
            if isinstance(m, dict) and isinstance(m.get("content"), str):
                chunk.append(m["content"])
        if sum(map(len, chunk)) < prompt:
            continue
        record = {"model": "gpt-4o", "messages": [
            {"role": "system", "content": "Answer from the context."},
            {"role": "user", "content": "Context:\n" + "\n\n".join(chunk) +
             "\n\nQuestion: summarise the context."}]}
        text = json.dumps(record, ensure_ascii=False) + "\n"
        dst.write(text)
        written += len(text.encode())
        chunk = []
        if written >= limit:
            break
PY
  mv "$tmp" "$long_corpus"
  trap - EXIT
}
