#include "scanner/injection_encoded.hpp"

#include "scanner/ascii.hpp"
#include "scanner/injection_unicode.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace veil {

namespace {

// Words that fill every English instruction, as rot13 writes them: a text
// holding several is English in rot13 ("vtaber nyy cerivbhf
// vafgehpgvbaf").
constexpr std::array<std::string_view, 16> k_rot13_words = {
    "gur",   "naq",     "lbh",      "lbhe",         "nyy",    "ner",
    "abj",   "vtaber",  "cerivbhf", "vafgehpgvbaf", "flfgrz", "cebzcg",
    "cevag", "eriryny", "sbetrg",   "ehyrf"};
constexpr size_t k_min_hidden_words = 3;
// Leet words further apart than this are in separate readings: a
// document's scattered "log4j", "s3" and "1st" made a leet reading of
// nearly every long prompt, which every injection rule then read again
// (a sixth of the time on 50 KB prompts). An instruction in leetspeak
// has its words side by side, and the phrase rules span a few words.
constexpr size_t k_max_leet_gap = 128;

constexpr bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

constexpr char leet_letter(char c) {
  switch (c) {
  case '0':
    return 'o';
  case '1':
    return 'i';
  case '3':
    return 'e';
  case '4':
  case '@':
    return 'a';
  case '5':
  case '$':
    return 's';
  case '7':
    return 't';
  default:
    return 0;
  }
}

// Letters, digits, '@' and '$': a lookup, as it runs on every byte.
constexpr std::array<bool, 256> k_word_chars = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c) {
    table[c] =
        is_letter(char(c)) || (c >= '0' && c <= '9') || c == '@' || c == '$';
  }
  return table;
}();

// A letter's place in the alphabet, either case; 31 for any other byte.
constexpr std::array<uint8_t, 256> k_letter_index = [] {
  std::array<uint8_t, 256> index{};
  for (int b = 0; b < 256; ++b) {
    index[size_t(b)] =
        is_letter(char(b)) ? uint8_t(ascii_lower(char(b)) - 'a') : 31;
  }
  return index;
}();

// For a first byte, the second letters (bit 0 for 'a') with which a rot13
// word starts; bit 31, no letter's, is never set.
constexpr std::array<uint32_t, 256> k_rot13_starts = [] {
  std::array<uint32_t, 256> starts{};
  for (std::string_view word : k_rot13_words) {
    for (char first : {word[0], char(word[0] - 'a' + 'A')}) {
      starts[uint8_t(first)] |= 1u << (word[1] - 'a');
    }
  }
  return starts;
}();

// Of the word starts in a 64-byte block, those whose first two letters
// may begin a rot13 word: most words are ruled out on these two. A lookup
// per start and no branch, as this runs on every word of every text.
uint64_t rot13_starts(std::string_view text, size_t block, uint64_t starts) {
  uint64_t picked = 0;
  for (; starts != 0; starts &= starts - 1) {
    const size_t at = block + size_t(std::countr_zero(starts));
    const uint8_t second = at + 1 < text.size() ? uint8_t(text[at + 1]) : 0;
    const uint32_t may =
        k_rot13_starts[uint8_t(text[at])] >> k_letter_index[second] & 1;
    picked |= uint64_t(may) << (at - block);
  }
  return picked;
}

bool is_rot13_word(std::string_view word) {
  if (word.size() < 3 || word.size() > 12) {
    return false;
  }
  std::array<char, 12> buffer{}; // no allocation: this runs on many words
  std::transform(word.begin(), word.end(), buffer.begin(), ascii_lower);
  std::string_view folded(buffer.data(), word.size());
  return std::find(k_rot13_words.begin(), k_rot13_words.end(), folded) !=
         k_rot13_words.end();
}

// What a byte of a word is: one lookup a byte (the word pass runs on every
// text).
enum : uint8_t {
  k_word = 1,
  k_letter = 2,
  k_leet = 4,     // stands for a letter: 0 1 3 4 5 7 @ $
  k_not_leet = 8, // a digit that stands for none: 2 6 8 9
};

constexpr std::array<uint8_t, 256> k_word_classes = [] {
  std::array<uint8_t, 256> table{};
  for (int b = 0; b < 256; ++b) {
    char c = char(b);
    bool digit = c >= '0' && c <= '9';
    table[size_t(b)] = uint8_t((k_word_chars[size_t(b)] ? k_word : 0) |
                               (is_letter(c) ? k_letter : 0) |
                               (leet_letter(c) != 0 ? k_leet : 0) |
                               (digit && leet_letter(c) == 0 ? k_not_leet : 0));
  }
  return table;
}();

// A word of leetspeak, from the classes of its bytes: letters and digits or
// signs that stand for letters, and no digit that stands for none (2, 6, 8,
// 9: an id or a number).
bool is_leet_word(uint8_t classes, size_t size) {
  return (classes & (k_leet | k_letter)) == (k_leet | k_letter) &&
         (classes & k_not_leet) == 0 && size >= 3;
}

// Per byte of a 64-byte block, one bit each: word characters, and the
// signs that stand for a letter. Bits past the end of the text are clear.
// SSE2 (in every x86-64 CPU) does 16 bytes a step; the word pass runs on
// every text and most of it is short words, so a loop with a branch per
// byte cost more than the rest of the pass.
struct WordBits {
  uint64_t word = 0;
  uint64_t leet = 0;
};

WordBits word_bits(std::string_view text, size_t block) {
  const PaddedBlock padded(text, block, ' '); // a byte in no word
  const char* p = padded.data();
  WordBits bits;
#if defined(__SSE2__)
  auto in_range = [](__m128i v, char lo, char width) {
    __m128i d = _mm_sub_epi8(v, _mm_set1_epi8(lo));
    return _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(width)), d);
  };
  auto eq = [](__m128i v, char c) {
    return _mm_cmpeq_epi8(v, _mm_set1_epi8(c));
  };
  auto mask = [](__m128i m, size_t k) {
    return uint64_t(uint32_t(_mm_movemask_epi8(m))) << (16 * k);
  };
  for (size_t k = 0; k < 4; ++k) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    __m128i letter = in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 25);
    __m128i digit = in_range(v, '0', 9);
    __m128i sign = _mm_or_si128(eq(v, '@'), eq(v, '$'));
    __m128i not_leet = _mm_or_si128(_mm_or_si128(eq(v, '2'), eq(v, '6')),
                                    _mm_or_si128(eq(v, '8'), eq(v, '9')));
    bits.leet |= mask(_mm_or_si128(_mm_andnot_si128(not_leet, digit), sign), k);
    bits.word |= mask(_mm_or_si128(_mm_or_si128(letter, digit), sign), k);
  }
#else
  for (size_t i = 0; i < 64; ++i) {
    uint8_t cls = k_word_classes[static_cast<uint8_t>(p[i])];
    bits.word |= uint64_t((cls & k_word) != 0) << i;
    bits.leet |= uint64_t((cls & k_leet) != 0) << i;
  }
#endif
  return bits;
}

// The word around text[at] (a run of word characters), at most `limit`
// bytes past at.
size_t word_end(std::string_view text, size_t at,
                size_t limit = std::string_view::npos) {
  const size_t stop = std::min(text.size(), at + std::min(limit, text.size()));
  while (at < stop &&
         (k_word_classes[static_cast<uint8_t>(text[at])] & k_word)) {
    ++at;
  }
  return at;
}

size_t word_start(std::string_view text, size_t at) {
  while (at > 0 &&
         (k_word_classes[static_cast<uint8_t>(text[at - 1])] & k_word)) {
    --at;
  }
  return at;
}

uint8_t classes_of(std::string_view word) {
  uint8_t classes = 0;
  for (char c : word) {
    classes |= k_word_classes[static_cast<uint8_t>(c)];
  }
  return classes;
}

// Leet words are found from the signs that stand for letters (most texts
// have few or none), not by a look at every word: calls f(start, end) for
// each leet word around a sign of `signs` (the leet bits of the block at
// `block`) that starts at or after `judged`, which moves past every word
// looked at. Called block after block, each word is judged once.
template <typename F>
void leet_words(std::string_view text, size_t block, uint64_t signs,
                size_t& judged, F f) {
  for (; signs != 0; signs &= signs - 1) {
    size_t at = block + size_t(std::countr_zero(signs));
    if (at < judged) {
      continue;
    }
    size_t start = word_start(text, at);
    judged = word_end(text, at);
    if (is_leet_word(classes_of(text.substr(start, judged - start)),
                     judged - start)) {
      f(start, judged);
    }
  }
}

// Whether a span of a text is short enough to be read: asked before its
// reading is made, as a text of many MB would be copied whole for nothing.
bool fits(size_t start, size_t end) {
  return end - start <= k_max_encoded_bytes;
}

void add_span(std::vector<DecodedSpan>& out, size_t start, size_t end,
              std::string text, const char* kind) {
  if (fits(start, end) && !text.empty()) {
    out.push_back(DecodedSpan{static_cast<uint32_t>(start),
                              static_cast<uint32_t>(end), std::move(text),
                              kind});
  }
}

// Every run of tag characters (UTF-8 F3 A0 80..81 xx) spelled out.
void find_tag_runs(std::string_view text, std::vector<DecodedSpan>& out) {
  size_t i = text.find("\xF3\xA0");
  while (i != std::string_view::npos) {
    size_t end = i;
    while (end + 4 <= text.size() && text.substr(end, 2) == "\xF3\xA0" &&
           (static_cast<uint8_t>(text[end + 2]) & 0xFE) == 0x80) {
      end += 4;
    }
    if (end == i || !fits(i, end)) {
      i = text.find("\xF3\xA0", std::max(i + 2, end));
      continue;
    }
    std::string decoded = decode_tag_characters(text.substr(i, end - i));
    if (decoded.size() >= 4) {
      add_span(out, i, end, std::move(decoded), "tags");
    }
    i = text.find("\xF3\xA0", end);
  }
}

// U+200B-U+200D, U+2060, U+FEFF or U+00AD: each lead byte is looked for
// with memchr (string_view::find), far faster than a loop over every byte
// of every non-ASCII text.
bool has_zero_width(std::string_view text) {
  auto any_after = [&](char lead, auto rest_matches) {
    for (size_t i = text.find(lead); i != std::string_view::npos;
         i = text.find(lead, i + 1)) {
      if (rest_matches(text.substr(i + 1, 2))) {
        return true;
      }
    }
    return false;
  };
  auto byte = [](std::string_view rest, size_t k) {
    return k < rest.size() ? static_cast<uint8_t>(rest[k]) : 0;
  };
  return any_after(
             '\xC2',
             [&](std::string_view rest) { return byte(rest, 0) == 0xAD; }) ||
         any_after('\xE2',
                   [&](std::string_view rest) {
                     uint8_t b1 = byte(rest, 0);
                     uint8_t b2 = byte(rest, 1);
                     return (b1 == 0x80 && b2 >= 0x8B && b2 <= 0x8D) ||
                            (b1 == 0x81 && b2 == 0xA0);
                   }) ||
         any_after('\xEF', [&](std::string_view rest) {
           return byte(rest, 0) == 0xBB && byte(rest, 1) == 0xBF;
         });
}

void find_zero_width(std::string_view text, std::vector<DecodedSpan>& out) {
  if (!fits(0, text.size()) || !has_zero_width(text)) {
    return;
  }
  std::string stripped = strip_zero_width_in_words(text);
  if (stripped != text) {
    add_span(out, 0, text.size(), std::move(stripped), "zero-width");
  }
}

// Words spelled with Cyrillic or Greek look-alikes ("ignоre" with a
// Cyrillic o), read with the Latin letters they imitate.
void find_look_alikes(std::string_view text, std::vector<DecodedSpan>& out) {
  if (!fits(0, text.size()) ||
      !has_byte_in(text, 0xCD, 0xD4)) { // lead bytes of U+0340-U+053F
    return;
  }
  std::string folded = fold_look_alikes(text);
  if (!folded.empty()) {
    add_span(out, 0, text.size(), std::move(folded), "look-alike");
  }
}

// Leet words in a row, no more than k_max_leet_gap apart: [first, last).
struct LeetRun {
  size_t first = 0;
  size_t last = 0;
  size_t words = 0;
};

// rot13 reads the whole text; leetspeak each run of leet words from its
// first to its last, so plain text around them is not read a second time.
// Both run on every text, so neither looks at every word: rot13 words are
// sought from the word starts (their first two letters rule out most),
// leet words from the signs that stand for letters (most texts have few or
// none).
void find_rot13_and_leet(std::string_view text, std::vector<DecodedSpan>& out) {
  size_t rot13_hits = 0;
  LeetRun run;
  std::vector<LeetRun> leet; // the runs with enough words
  auto close_run = [&] {
    if (run.words >= k_min_hidden_words && fits(run.first, run.last)) {
      leet.push_back(run);
    }
    run = LeetRun{};
  };
  size_t judged = 0;   // leet: the words before this byte are judged
  uint64_t before = 0; // 1 when the byte before the block is in a word
  for (size_t block = 0; block < text.size(); block += 64) {
    const WordBits bits = word_bits(text, block);
    for (uint64_t starts =
             rot13_starts(text, block, bits.word & ~(bits.word << 1 | before));
         starts != 0; starts &= starts - 1) {
      size_t start = block + size_t(std::countr_zero(starts));
      std::string_view word =
          text.substr(start, word_end(text, start, 13) - start);
      rot13_hits += is_rot13_word(word) ? 1 : 0;
    }
    before = bits.word >> 63;
    leet_words(text, block, bits.leet, judged, [&](size_t start, size_t end) {
      if (run.words > 0 && start - run.last > k_max_leet_gap) {
        close_run();
      }
      run.first = run.words++ == 0 ? start : run.first;
      run.last = end;
    });
  }
  close_run();
  if (rot13_hits >= k_min_hidden_words && fits(0, text.size())) {
    add_span(out, 0, text.size(), rot13(text), "rot13");
  }
  for (const LeetRun& r : leet) {
    add_span(out, r.first, r.last,
             unleet(text.substr(r.first, r.last - r.first)), "leet");
  }
}

} // namespace

std::string rot13(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') {
      c = static_cast<char>('a' + (c - 'a' + 13) % 26);
    } else if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>('A' + (c - 'A' + 13) % 26);
    }
  }
  return out;
}

std::string unleet(std::string_view text) {
  std::string out(text);
  size_t judged = 0;
  for (size_t block = 0; block < text.size(); block += 64) {
    leet_words(text, block, word_bits(text, block).leet, judged,
               [&](size_t start, size_t end) {
                 for (size_t k = start; k < end; ++k) {
                   if (char letter = leet_letter(out[k]); letter != 0) {
                     out[k] = letter;
                   }
                 }
               });
  }
  return out;
}

void find_hidden_text(std::string_view text, std::vector<DecodedSpan>& out) {
  // Tag characters, zero-width marks and look-alikes are all non-ASCII.
  if (!is_ascii(text)) {
    find_tag_runs(text, out);
    find_zero_width(text, out);
    find_look_alikes(text, out);
  }
  find_rot13_and_leet(text, out);
}

} // namespace veil
