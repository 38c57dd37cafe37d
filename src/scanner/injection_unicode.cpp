#include "scanner/injection_unicode.hpp"

#include "scanner/ascii.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace veil {

namespace {

struct LookAlike {
  uint32_t cp;
  char latin;
};

// Cyrillic and Greek letters drawn like Latin ones (the common part of
// Unicode's confusables for a-z and A-Z), with the letter they pass for.
// clang-format off
constexpr std::array<LookAlike, 50> k_look_alikes = {{
  {0x0391, 'A'}, {0x0392, 'B'}, {0x0395, 'E'}, {0x0396, 'Z'}, {0x0397, 'H'},
  {0x0399, 'I'}, {0x039A, 'K'}, {0x039C, 'M'}, {0x039D, 'N'}, {0x039F, 'O'},
  {0x03A1, 'P'}, {0x03A4, 'T'}, {0x03A5, 'Y'}, {0x03A7, 'X'}, {0x03B1, 'a'},
  {0x03B9, 'i'}, {0x03BA, 'k'}, {0x03BD, 'v'}, {0x03BF, 'o'}, {0x03C1, 'p'},
  {0x03C5, 'u'}, {0x0405, 'S'}, {0x0406, 'I'}, {0x0408, 'J'}, {0x0410, 'A'},
  {0x0412, 'B'}, {0x0415, 'E'}, {0x041A, 'K'}, {0x041C, 'M'}, {0x041D, 'H'},
  {0x041E, 'O'}, {0x0420, 'P'}, {0x0421, 'C'}, {0x0422, 'T'}, {0x0425, 'X'},
  {0x0430, 'a'}, {0x0435, 'e'}, {0x043E, 'o'}, {0x0440, 'p'}, {0x0441, 'c'},
  {0x0443, 'y'}, {0x0445, 'x'}, {0x0455, 's'}, {0x0456, 'i'}, {0x0458, 'j'},
  {0x04BB, 'h'}, {0x04CF, 'l'}, {0x0501, 'd'}, {0x051B, 'q'}, {0x051D, 'w'},
}};
// clang-format on

// Decodes the code point at text[i] and advances i; invalid bytes decode
// as themselves (one byte), which no check below mistakes for a letter.
uint32_t next_code_point(std::string_view text, size_t& i) {
  auto byte = [&text](size_t k) { return static_cast<uint8_t>(text[k]); };
  uint8_t b = byte(i);
  size_t n = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
  if (i + n > text.size()) {
    n = 1;
  }
  uint32_t cp = n == 1 ? b : b & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      i += 1;
      return b;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  i += n;
  return cp;
}

bool is_ascii_letter(uint32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

bool is_latin_letter(uint32_t cp) {
  return is_ascii_letter(cp) ||
         (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}

bool is_cyrillic_or_greek(uint32_t cp) {
  return (cp >= 0x0370 && cp <= 0x03FF) || (cp >= 0x0400 && cp <= 0x052F);
}

// The Latin letter cp passes for, or 0.
char latin_look_alike(uint32_t cp) {
  if (!is_cyrillic_or_greek(cp)) {
    return 0; // every look-alike is Cyrillic or Greek
  }
  for (const LookAlike& l : k_look_alikes) {
    if (l.cp == cp) {
      return l.latin;
    }
  }
  return 0;
}

bool is_zero_width(uint32_t cp) {
  return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 ||
         cp == 0xFEFF || cp == 0xAD;
}

bool never_true(std::string_view) {
  return false;
}

// clang-format off
constexpr std::array<ValidatorEntry, 2> k_validators = {{
  {"injection_risk",    never_true},
  {"mixed_script_word", validate_mixed_script_word},
}};
// clang-format on

} // namespace

std::span<const ValidatorEntry> injection_validators() {
  return k_validators;
}

std::string decode_tag_characters(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    uint32_t cp = next_code_point(text, i);
    if (cp >= 0xE0020 && cp <= 0xE007E) {
      out += static_cast<char>(cp - 0xE0000);
    }
  }
  return out;
}

std::string strip_zero_width_in_words(std::string_view text) {
  std::string out;
  bool changed = false;
  uint32_t before = 0; // last code point that was not zero-width
  size_t i = 0;
  while (i < text.size()) {
    size_t at = i;
    uint32_t cp = next_code_point(text, i);
    if (!is_zero_width(cp)) {
      out.append(text.substr(at, i - at));
      before = cp;
      continue;
    }
    // A run of zero-width characters: dropped when letters surround it.
    size_t run_end = i;
    uint32_t after = 0;
    while (run_end < text.size()) {
      size_t k = run_end;
      after = next_code_point(text, k);
      if (!is_zero_width(after)) {
        break;
      }
      run_end = k;
    }
    if (is_latin_letter(before) && is_latin_letter(after)) {
      changed = true;
    } else {
      out.append(text.substr(at, run_end - at));
    }
    i = run_end;
  }
  return changed ? out : std::string(text);
}

namespace {

// Cuts text into words (runs of letters of the three scripts) and single
// other characters: f(piece, is_word) for each, in order.
template <typename F>
void for_each_script_word(std::string_view text, F f) {
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    size_t end = i;
    while (end < text.size()) {
      size_t k = end;
      uint32_t cp = next_code_point(text, k);
      if (!is_latin_letter(cp) && !is_cyrillic_or_greek(cp)) {
        break;
      }
      end = k;
    }
    bool word = end > start;
    if (!word) {
      next_code_point(text, end);
    }
    f(text.substr(start, end - start), word);
    i = end;
  }
}

// The bytes has_script_seam() looks at, a bit each, for the 64 bytes of
// text from `block` (bits past its end clear). Leads are of the two-byte
// UTF-8 sequences of U+0340-U+053F (Greek and Cyrillic, with a few
// neighbours) and of U+00C0-U+024F (Latin letters past ASCII): supersets
// are enough here.
struct SeamBytes {
  uint64_t script = 0; // Greek and Cyrillic leads
  uint64_t continuation = 0;
  uint64_t ascii_letter = 0;
  uint64_t latin = 0; // Latin leads
};

SeamBytes seam_bytes(std::string_view text, size_t block) {
  SeamBytes bytes;
  if (block < text.size()) {
    bytes.script = range_bits(text, block, 0xCD, 0xD4 - 0xCD);
    bytes.continuation = range_bits(text, block, 0x80, 0x3F);
    bytes.ascii_letter =
        range_bits(text, block, 'a', 25) | range_bits(text, block, 'A', 25);
    bytes.latin = range_bits(text, block, 0xC3, 0xC9 - 0xC3);
  }
  return bytes;
}

// Whether a Latin letter touches a Greek or Cyrillic character anywhere:
// every mixed-script word has such a seam, so without one there is none.
// The bytes around each Greek or Cyrillic character decide, 64 at a time
// as bits (a byte-at-a-time loop was most of the look-alike pass on
// Russian text): a character's lead, with a continuation byte after it,
// and an ASCII letter or a Latin letter's lead (two bytes back) before it,
// or either just after it.
bool has_script_seam(std::string_view text) {
  SeamBytes before; // the block before
  SeamBytes here = seam_bytes(text, 0);
  for (size_t block = 0; block < text.size(); block += 64) {
    const SeamBytes after = seam_bytes(text, block + 64);
    // Bit i: bit i - k of here, the block before supplying the first k.
    auto back = [](uint64_t bits, uint64_t prior, int k) {
      return bits << k | prior >> (64 - k);
    };
    // Bit i: bit i + k of here, the block after supplying the last k.
    auto ahead = [](uint64_t bits, uint64_t next, int k) {
      return bits >> k | next << (64 - k);
    };
    const uint64_t latin_before =
        back(here.ascii_letter, before.ascii_letter, 1) |
        (back(here.continuation, before.continuation, 1) &
         back(here.latin, before.latin, 2));
    const uint64_t latin_after =
        ahead(here.ascii_letter, after.ascii_letter, 2) |
        ahead(here.latin, after.latin, 2);
    if ((here.script & ahead(here.continuation, after.continuation, 1) &
         (latin_before | latin_after)) != 0) {
      return true;
    }
    before = here;
    here = after;
  }
  return false;
}

} // namespace

std::string fold_look_alikes(std::string_view text) {
  // Most texts hold no such word: look before copying anything, first at
  // the bytes (a text in Russian or Greek is all script words).
  if (!has_script_seam(text)) {
    return {};
  }
  bool any = false;
  for_each_script_word(text, [&](std::string_view piece, bool word) {
    any = any || (word && validate_mixed_script_word(piece));
  });
  if (!any) {
    return {};
  }
  std::string out;
  for_each_script_word(text, [&](std::string_view piece, bool word) {
    if (!word || !validate_mixed_script_word(piece)) {
      out.append(piece);
      return;
    }
    for (size_t k = 0; k < piece.size();) {
      size_t at = k;
      char latin = latin_look_alike(next_code_point(piece, k));
      if (latin != 0) {
        out += latin;
      } else {
        out.append(piece.substr(at, k - at));
      }
    }
  });
  return out;
}

bool validate_mixed_script_word(std::string_view word) {
  size_t latin = 0;
  size_t look_alike = 0;
  for (size_t i = 0; i < word.size();) {
    uint32_t cp = next_code_point(word, i);
    if (latin_look_alike(cp) != 0) {
      ++look_alike;
    } else if (is_cyrillic_or_greek(cp)) {
      return false; // a real Cyrillic or Greek letter: a word of that script
    } else if (is_latin_letter(cp)) {
      ++latin;
    }
  }
  return look_alike > 0 && latin >= 2 && latin >= look_alike;
}

} // namespace veil
