// Inputs of the micro-suite, generated in code from a fixed seed: the same
// bytes on every run and machine (std::mt19937_64 is fully specified; no
// std:: distribution is used).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace veil::bench {

struct BenchData {
  // Chat messages: English prose (some with numbers, dates and prices that
  // are no personal data), code snippets, log lines and stack traces. Every
  // 50th holds an email, a phone number or an API-key-like token.
  std::vector<std::string> texts;
  size_t text_bytes = 0;
  size_t planted = 0; // texts with a planted value
  // JSONL chat records holding the texts (two per line: a user message and
  // an answer) in four shapes: OpenAI requests, Anthropic content blocks,
  // input/output traces. Each line ends with '\n'.
  std::string jsonl;
  std::vector<std::string_view> lines; // into jsonl, without the '\n'
};

// Built on first use.
const BenchData& bench_data();

} // namespace veil::bench
