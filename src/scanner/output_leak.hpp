// System-prompt leakage: the assistant repeats a long stretch of its own
// record's system prompt word for word. Both texts are cut into words and
// compared case-insensitively; every stretch of at least n words the answer
// shares with the system prompt is a leak. Scripts written without spaces
// (Chinese, Japanese, Korean hangul) count one word per two characters, so
// n = 12 means 12 English words or 24 Chinese characters.
#pragma once

#include "scanner/output_span.hpp"

#include <cstdint>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace veil {

struct Word {
  uint32_t start = 0; // byte offsets in the text
  uint32_t end = 0;
  uint32_t weight = 2; // 2 for a word, 1 for a CJK character
  uint64_t hash = 0;   // of the ASCII-lower-cased bytes
};

// Words are runs of letters and digits (ASCII, Latin, Greek, Cyrillic,
// Hebrew, Arabic, Indic scripts); each CJK, kana or hangul character is a
// word of its own; everything else separates words.
void split_words(std::string_view text, std::vector<Word>& out);

// Built per record (the system prompt is the record's own).
class LeakIndex {
public:
  // n = 0 turns the check off.
  explicit LeakIndex(size_t n);

  // Adds a system prompt's word windows; call once per system field.
  void add_source(std::string_view text);
  bool empty() const { return m_windows.empty(); }
  // For each start word: the hash of the shortest window from it whose
  // weight reaches the index's, and its last word.
  using Windows = std::vector<std::pair<uint64_t, size_t>>;
  // Buffers find() reuses: it runs on every answer of every record.
  struct Scratch {
    std::vector<Word> words;
    Windows found;
    std::vector<uint64_t> prefix;
  };
  // Appends the byte spans of answer shared with a source, merged where
  // they overlap, in text order.
  void find(std::string_view answer, std::vector<Span>& out,
            Scratch& scratch) const;

private:
  // The windows of `words`, none for the starts too near the end to reach
  // the weight; prefix is scratch.
  void windows(const std::vector<Word>& words, std::vector<uint64_t>& prefix,
               Windows& out) const;

  size_t m_weight;
  std::vector<uint64_t> m_powers; // of the window hash's base, to m_weight
  std::unordered_set<uint64_t> m_windows;
};

} // namespace veil
