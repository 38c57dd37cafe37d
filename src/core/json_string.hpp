// The small codes JSON strings and the decoders share: hex digits, UTF-8
// encoding of a code point, and the decoding of a JSON string's escapes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace veil {

// 0-15 for a hex digit, else -1.
constexpr int hex_value(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

// Bytes of a code point in UTF-8.
constexpr size_t utf8_size(uint32_t cp) {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

// The 4 hex digits at s[at] ("00e9" of "\u00e9"); a digit that is missing
// or not hex counts as 0.
uint32_t hex4(std::string_view s, size_t at);

// The character a one-letter escape stands for ('n' for "\n"), else 0.
constexpr char simple_escape(char c) {
  switch (c) {
  case '"':
  case '\\':
  case '/':
    return c;
  case 'b':
    return '\b';
  case 'f':
    return '\f';
  case 'n':
    return '\n';
  case 'r':
    return '\r';
  case 't':
    return '\t';
  default:
    return 0;
  }
}

// The code point of a UTF-16 surrogate pair.
constexpr uint32_t surrogate_pair(uint32_t high, uint32_t low) {
  return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
}

void append_utf8(std::string& out, uint32_t cp);

// Appends the decoded text of the inside of a JSON string token (without
// its quotes), or of a run of it that starts and ends between characters.
void append_unescaped_json(std::string& out, std::string_view inner);
std::string unescape_json(std::string_view inner);

} // namespace veil
