#include "scanner/output_leak.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace veil {

namespace {

constexpr uint64_t k_fnv_offset = 1469598103934665603ULL;
constexpr uint64_t k_fnv_prime = 1099511628211ULL;

enum class CharClass { separator, letter, ideograph };

// Decodes one UTF-8 code point at text[i]; sets *length (1 for a bad byte,
// which then decodes as a separator).
uint32_t decode(std::string_view text, size_t i, size_t* length) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  size_t n = c < 0x80           ? 1
             : (c >> 5) == 0x6  ? 2
             : (c >> 4) == 0xE  ? 3
             : (c >> 3) == 0x1E ? 4
                                : 0;
  if (n == 0 || i + n > text.size()) {
    *length = 1;
    return 0xFFFD;
  }
  uint32_t cp = n == 1 ? c : c & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    unsigned char next = static_cast<unsigned char>(text[i + k]);
    if ((next & 0xC0) != 0x80) {
      *length = 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (next & 0x3F);
  }
  *length = n;
  return cp;
}

constexpr CharClass classify(uint32_t cp) {
  if (cp < 0x80) {
    bool alnum = (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
                 (cp >= 'A' && cp <= 'Z');
    return alnum ? CharClass::letter : CharClass::separator;
  }
  // Kana, CJK ideographs (with extension A and compatibility), hangul.
  if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
      (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
      (cp >= 0xF900 && cp <= 0xFAFF)) {
    return CharClass::ideograph;
  }
  // Latin-1 letters to Arabic (0xC0-0x6FF, minus the two signs), Indic.
  if ((cp >= 0xC0 && cp <= 0x6FF && cp != 0xD7 && cp != 0xF7) ||
      (cp >= 0x900 && cp <= 0xDFF)) {
    return CharClass::letter;
  }
  return CharClass::separator;
}

constexpr std::array<CharClass, 128> k_ascii_classes = [] {
  std::array<CharClass, 128> classes{};
  for (uint32_t c = 0; c < 128; ++c) {
    classes[c] = classify(c);
  }
  return classes;
}();

uint64_t hash_bytes(std::string_view bytes) {
  uint64_t h = k_fnv_offset;
  for (unsigned char c : bytes) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<unsigned char>(c - 'A' + 'a');
    }
    h = (h ^ c) * k_fnv_prime;
  }
  return h;
}

} // namespace

void split_words(std::string_view text, std::vector<Word>& out) {
  size_t i = 0;
  size_t word_start = std::string_view::npos;
  auto close_word = [&](size_t end) {
    if (word_start != std::string_view::npos) {
      std::string_view bytes = text.substr(word_start, end - word_start);
      out.push_back(Word{static_cast<uint32_t>(word_start),
                         static_cast<uint32_t>(end), 2, hash_bytes(bytes)});
      word_start = std::string_view::npos;
    }
  };
  while (i < text.size()) {
    size_t length = 1;
    const auto byte = static_cast<unsigned char>(text[i]);
    // Most text is ASCII: a table look-up, no decoding.
    CharClass cls = byte < 0x80 ? k_ascii_classes[byte]
                                : classify(decode(text, i, &length));
    if (cls == CharClass::letter) {
      if (word_start == std::string_view::npos) {
        word_start = i;
      }
    } else {
      close_word(i);
      if (cls == CharClass::ideograph) {
        out.push_back(Word{static_cast<uint32_t>(i),
                           static_cast<uint32_t>(i + length), 1,
                           hash_bytes(text.substr(i, length))});
      }
    }
    i += length;
  }
  close_word(text.size());
}

void LeakIndex::windows(const std::vector<Word>& words,
                        std::vector<std::pair<uint64_t, size_t>>& out) const {
  out.clear();
  for (size_t i = 0; i < words.size(); ++i) {
    uint64_t h = k_fnv_offset;
    size_t weight = 0;
    size_t j = i;
    for (; j < words.size() && weight < m_weight; ++j) {
      h = (h ^ words[j].hash) * k_fnv_prime;
      weight += words[j].weight;
    }
    if (weight < m_weight) {
      return; // later starts are shorter still
    }
    out.emplace_back(h, j - 1);
  }
}

void LeakIndex::add_source(std::string_view text) {
  if (m_weight == 0) {
    return;
  }
  std::vector<Word> words;
  split_words(text, words);
  std::vector<std::pair<uint64_t, size_t>> found;
  windows(words, found);
  for (const auto& [hash, last] : found) {
    m_windows.insert(hash);
  }
}

void LeakIndex::find(std::string_view answer, std::vector<Span>& out) const {
  if (m_windows.empty()) {
    return;
  }
  std::vector<Word> words;
  split_words(answer, words);
  std::vector<std::pair<uint64_t, size_t>> found;
  windows(words, found);
  size_t first = std::string_view::npos; // current stretch, in words
  size_t last = 0;
  for (size_t i = 0; i < found.size(); ++i) {
    if (m_windows.count(found[i].first) == 0) {
      continue;
    }
    if (first != std::string_view::npos && i <= last + 1) {
      last = std::max(last, found[i].second); // overlaps or touches
      continue;
    }
    if (first != std::string_view::npos) {
      out.push_back(Span{words[first].start, words[last].end});
    }
    first = i;
    last = found[i].second;
  }
  if (first != std::string_view::npos) {
    out.push_back(Span{words[first].start, words[last].end});
  }
}

} // namespace veil
