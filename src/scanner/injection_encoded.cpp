#include "scanner/injection_encoded.hpp"

#include "scanner/ascii.hpp"
#include "scanner/injection_unicode.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

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

bool is_word_char(char c) {
  return k_word_chars[static_cast<uint8_t>(c)];
}

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Bit b of entry a set when a rot13 word starts with the letters a, b
// (0 for 'a'): most words are rejected on their first two letters.
constexpr std::array<uint32_t, 26> k_rot13_starts = [] {
  std::array<uint32_t, 26> starts{};
  for (std::string_view word : k_rot13_words) {
    starts[size_t(word[0] - 'a')] |= 1u << (word[1] - 'a');
  }
  return starts;
}();

bool is_rot13_word(std::string_view word) {
  if (word.size() < 3 || word.size() > 12) {
    return false;
  }
  unsigned first = unsigned(lower(word[0]) - 'a');
  unsigned second = unsigned(lower(word[1]) - 'a');
  if (first >= 26 || second >= 26 ||
      (k_rot13_starts[first] >> second & 1) == 0) {
    return false;
  }
  std::array<char, 12> buffer{}; // no allocation: this runs on many words
  std::transform(word.begin(), word.end(), buffer.begin(), lower);
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

// Calls f(start, end, classes) for every run of word characters, with the
// classes its bytes have between them.
template <typename F>
void for_each_word(std::string_view text, F f) {
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !is_word_char(text[i])) {
      ++i;
    }
    size_t start = i;
    uint8_t seen = 0;
    for (; i < text.size(); ++i) {
      uint8_t cls = k_word_classes[static_cast<uint8_t>(text[i])];
      if ((cls & k_word) == 0) {
        break;
      }
      seen |= cls;
    }
    if (i > start) {
      f(start, i, seen);
    }
  }
}

void add_span(std::vector<DecodedSpan>& out, size_t start, size_t end,
              std::string text, const char* kind) {
  if (end - start <= k_max_encoded_bytes && !text.empty()) {
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
    if (end == i) {
      i = text.find("\xF3\xA0", i + 2);
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
  if (!has_zero_width(text)) {
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
  if (!has_byte_in(text, 0xCD, 0xD4)) { // lead bytes of U+0340-U+053F
    return;
  }
  std::string folded = fold_look_alikes(text);
  if (!folded.empty()) {
    add_span(out, 0, text.size(), std::move(folded), "look-alike");
  }
}

// rot13 reads the whole text; leetspeak the span from the first leet word
// to the last, so plain text around it is not read a second time. One pass
// over the words finds both (it runs on every text).
void find_rot13_and_leet(std::string_view text, std::vector<DecodedSpan>& out) {
  size_t rot13_hits = 0;
  size_t leet_hits = 0;
  size_t first = std::string_view::npos;
  size_t last = 0;
  for_each_word(text, [&](size_t start, size_t end, uint8_t classes) {
    rot13_hits += is_rot13_word(text.substr(start, end - start)) ? 1 : 0;
    if (is_leet_word(classes, end - start)) {
      ++leet_hits;
      first = std::min(first, start);
      last = end;
    }
  });
  if (rot13_hits >= k_min_hidden_words) {
    add_span(out, 0, text.size(), rot13(text), "rot13");
  }
  if (leet_hits >= k_min_hidden_words) {
    std::string_view span = text.substr(first, last - first);
    add_span(out, first, last, unleet(span), "leet");
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
  for_each_word(text, [&](size_t start, size_t end, uint8_t classes) {
    if (!is_leet_word(classes, end - start)) {
      return;
    }
    for (size_t k = start; k < end; ++k) {
      if (char letter = leet_letter(out[k]); letter != 0) {
        out[k] = letter;
      }
    }
  });
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
