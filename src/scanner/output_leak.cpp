#include "scanner/output_leak.hpp"

#include "scanner/ascii.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <string>

namespace veil {

namespace {

constexpr uint64_t k_seed = 1469598103934665603ULL;
constexpr uint64_t k_mix = 0xD6E8FEB86659FD93ULL;         // odd, bits spread
constexpr uint64_t k_window_base = 0x9E3779B97F4A7C15ULL; // odd

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

// A word's bytes eight at a time, ASCII letters folded to lower case: a
// byte-at-a-time hash waited on a multiply per byte, and the words of every
// answer are hashed (1.5 % of a bench corpus run).
uint64_t hash_bytes(std::string_view bytes) {
  constexpr uint64_t k_high = 0x8080808080808080ULL;
  constexpr uint64_t k_case = 0x2020202020202020ULL;
  uint64_t h = k_seed ^ bytes.size();
  for (size_t i = 0; i < bytes.size(); i += 8) {
    uint64_t chunk = 0;
    std::memcpy(&chunk, bytes.data() + i,
                std::min<size_t>(8, bytes.size() - i));
    // Words hold letters and digits: setting 0x20 lowers an ASCII capital
    // and leaves the others; bytes of non-ASCII characters stay as they are.
    chunk |= k_case & ~((chunk & k_high) >> 2);
    h = (h ^ chunk) * k_mix;
    h ^= h >> 32;
  }
  return h;
}

// The class of the character at text[i], and its length in bytes.
CharClass class_at(std::string_view text, size_t i, size_t* length) {
  const auto byte = static_cast<unsigned char>(text[i]);
  *length = 1;
  // Most text is ASCII: a table look-up, no decoding.
  return byte < 0x80 ? k_ascii_classes[byte]
                     : classify(decode(text, i, length));
}

Word word_at(std::string_view text, size_t start, size_t end) {
  return Word{static_cast<uint32_t>(start), static_cast<uint32_t>(end), 2,
              hash_bytes(text.substr(start, end - start))};
}

// split_words() of ASCII text: its words are the runs of letters and
// digits, found 64 bytes at a time from where the runs start and end, not
// by a branch on every byte (one mispredicted at every word's end).
void split_ascii_words(std::string_view text, std::vector<Word>& out) {
  size_t start = 0;
  bool in_word = false;
  uint64_t before = 0; // 1 when the byte before the block is in a word
  for (size_t block = 0; block < text.size(); block += 64) {
    const uint64_t bits = range_bits(text, block, '0', 9) |
                          range_bits(text, block, 'A', 25) |
                          range_bits(text, block, 'a', 25);
    const uint64_t after_word = bits << 1 | before;
    for (uint64_t edges = (bits & ~after_word) | (~bits & after_word);
         edges != 0; edges &= edges - 1) {
      const size_t at = block + size_t(std::countr_zero(edges));
      if (in_word) {
        out.push_back(word_at(text, start, at));
      }
      start = at;
      in_word = !in_word;
    }
    before = bits >> 63;
  }
  if (in_word) {
    out.push_back(word_at(text, start, text.size()));
  }
}

} // namespace

void split_words(std::string_view text, std::vector<Word>& out) {
  if (is_ascii(text)) {
    split_ascii_words(text, out);
    return;
  }
  size_t i = 0;
  while (i < text.size()) {
    size_t length = 1;
    CharClass cls = class_at(text, i, &length);
    if (cls == CharClass::ideograph) {
      out.push_back(Word{static_cast<uint32_t>(i),
                         static_cast<uint32_t>(i + length), 1,
                         hash_bytes(text.substr(i, length))});
    }
    if (cls != CharClass::letter) {
      i += length;
      continue;
    }
    const size_t start = i;
    do {
      i += length;
    } while (i < text.size() &&
             class_at(text, i, &length) == CharClass::letter);
    out.push_back(word_at(text, start, i));
  }
}

LeakIndex::LeakIndex(size_t n) : m_weight(2 * n), m_powers(2 * n + 1, 1) {
  for (size_t k = 1; k < m_powers.size(); ++k) {
    m_powers[k] = m_powers[k - 1] * k_window_base;
  }
}

// A window's hash from prefix hashes of the words (polynomial, modulo
// 2^64), and each start's window from the previous one's end: linear in the
// words, not n words hashed again at every start.
void LeakIndex::windows(const std::vector<Word>& words,
                        std::vector<uint64_t>& prefix, Windows& out) const {
  out.clear();
  prefix.assign(words.size() + 1, 0);
  for (size_t k = 0; k < words.size(); ++k) {
    prefix[k + 1] = prefix[k] * k_window_base + words[k].hash;
  }
  size_t end = 0; // the window is words [i, end)
  size_t weight = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    while (end < words.size() && weight < m_weight) {
      weight += words[end++].weight;
    }
    if (weight < m_weight) {
      return; // later starts are shorter still
    }
    // At most m_weight words: each weighs 1 or more.
    out.emplace_back(prefix[end] - prefix[i] * m_powers[end - i], end - 1);
    weight -= words[i].weight;
  }
}

void LeakIndex::add_source(std::string_view text) {
  if (m_weight == 0) {
    return;
  }
  Scratch scratch;
  split_words(text, scratch.words);
  windows(scratch.words, scratch.prefix, scratch.found);
  for (const auto& [hash, last] : scratch.found) {
    m_windows.insert(hash);
  }
}

void LeakIndex::find(std::string_view answer, std::vector<Span>& out,
                     Scratch& scratch) const {
  if (m_windows.empty()) {
    return;
  }
  std::vector<Word>& words = scratch.words;
  words.clear();
  split_words(answer, words);
  const Windows& found = scratch.found;
  windows(words, scratch.prefix, scratch.found);
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
