#include "sinks/json_escape.hpp"

#include <cstdint>
#include <cstring>

namespace veil {

namespace {

constexpr uint64_t k_ones = 0x0101010101010101ULL;
constexpr uint64_t k_highs = 0x8080808080808080ULL;

// True when any of the 8 bytes in x needs a look: a control byte, '"', '\\'
// or a non-ASCII byte (which must be validated). Classic SWAR tests: a byte
// is below n when (b - n) borrows into the high bit without b having it.
bool needs_attention(uint64_t x) {
  const uint64_t control = (x - k_ones * 0x20) & ~x;
  const uint64_t quote =
      ((x ^ (k_ones * '"')) - k_ones) & ~(x ^ (k_ones * '"'));
  const uint64_t slash =
      ((x ^ (k_ones * '\\')) - k_ones) & ~(x ^ (k_ones * '\\'));
  return ((control | quote | slash) & k_highs) != 0 || (x & k_highs) != 0;
}

bool is_plain(unsigned char c) {
  return c >= 0x20 && c != '"' && c != '\\';
}

bool is_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

// Length of the valid UTF-8 sequence starting at s[i] (a byte >= 0x80), or
// 0 when it is invalid: RFC 3629 ranges, so no overlong forms, no UTF-16
// surrogates and nothing above U+10FFFF (what JSON parsers accept).
size_t utf8_length(std::string_view s, size_t i) {
  const auto at = [&](size_t k) -> unsigned char {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0;
  };
  const unsigned char c = at(0);
  if (c >= 0xC2 && c <= 0xDF) {
    return is_continuation(at(1)) ? 2 : 0;
  }
  if (c >= 0xE0 && c <= 0xEF) {
    const unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;
    const unsigned char hi = c == 0xED ? 0x9F : 0xBF;
    const bool ok = at(1) >= lo && at(1) <= hi && is_continuation(at(2));
    return ok ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    const unsigned char lo = c == 0xF0 ? 0x90 : 0x80;
    const unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;
    const bool ok = at(1) >= lo && at(1) <= hi && is_continuation(at(2)) &&
                    is_continuation(at(3));
    return ok ? 4 : 0;
  }
  return 0;
}

void append_control(std::string& out, unsigned char c) {
  switch (c) {
  case '\b':
    out += "\\b";
    return;
  case '\f':
    out += "\\f";
    return;
  case '\n':
    out += "\\n";
    return;
  case '\r':
    out += "\\r";
    return;
  case '\t':
    out += "\\t";
    return;
  default:
    break;
  }
  constexpr char k_hex[] = "0123456789abcdef";
  out += "\\u00";
  out += k_hex[c >> 4];
  out += k_hex[c & 0xF];
}

} // namespace

void append_json_string(std::string& out, std::string_view s) {
  out.reserve(out.size() + s.size() + 2);
  out += '"';
  append_json_chars(out, s);
  out += '"';
}

void append_json_chars(std::string& out, std::string_view s) {
  size_t run = 0; // start of the bytes not yet copied
  size_t i = 0;
  while (i < s.size()) {
    // Skip 8 plain ASCII bytes at a time: most text needs no escaping.
    if (i + 8 <= s.size()) {
      uint64_t word;
      std::memcpy(&word, s.data() + i, sizeof word);
      if (!needs_attention(word)) {
        i += 8;
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80 && is_plain(c)) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const size_t len = utf8_length(s, i);
      if (len > 0) {
        i += len;
        continue;
      }
    }
    out.append(s.data() + run, i - run);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      append_control(out, c);
    } else {
      out += "\\ufffd";
    }
    ++i;
    run = i;
  }
  out.append(s.data() + run, s.size() - run);
}

} // namespace veil
