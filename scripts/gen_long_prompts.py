#!/usr/bin/env python3
"""Records whose user message is a ~50 KB prompt (a RAG context, a pasted
document): the message texts of a chat-log corpus (scripts/gen_corpus.py),
in order, joined, until the output holds SIZE_MB megabytes.

    gen_long_prompts.py CORPUS SIZE_MB OUT
"""
import json
import sys

PROMPT_BYTES = 50_000


def main():
    corpus, size_mb, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    limit = size_mb * 1e6
    written, chunk = 0, []
    with open(corpus, encoding="utf-8") as src, \
            open(out, "w", encoding="utf-8") as dst:
        for line in src:
            try:
                messages = json.loads(line).get("messages")
            except (ValueError, AttributeError):
                continue
            for m in messages if isinstance(messages, list) else []:
                if isinstance(m, dict) and isinstance(m.get("content"), str):
                    chunk.append(m["content"])
            if sum(map(len, chunk)) < PROMPT_BYTES:
                continue
            record = {"model": "gpt-4o", "messages": [
                {"role": "system", "content": "Answer from the context."},
                {"role": "user", "content": "Context:\n" + "\n\n".join(chunk)
                 + "\n\nQuestion: summarise the context."}]}
            text = json.dumps(record, ensure_ascii=False) + "\n"
            dst.write(text)
            written += len(text.encode())
            chunk = []
            if written >= limit:
                break


if __name__ == "__main__":
    main()
