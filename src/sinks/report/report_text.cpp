#include "sinks/report/report_text.hpp"

namespace veil {

namespace {

constexpr std::string_view k_replacement = "\xEF\xBF\xBD"; // U+FFFD

// Length of the valid UTF-8 sequence at s[i], 0 when it is not one
// (overlong forms, surrogates and values past U+10FFFF are not valid).
size_t utf8_length(std::string_view s, size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    return 1;
  }
  size_t n = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3;
    lo = b0 == 0xE0 ? 0xA0 : 0x80;
    hi = b0 == 0xED ? 0x9F : 0xBF;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4;
    lo = b0 == 0xF0 ? 0x90 : 0x80;
    hi = b0 == 0xF4 ? 0x8F : 0xBF;
  } else {
    return 0;
  }
  if (i + n > s.size()) {
    return 0;
  }
  for (size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    // Only the second byte has a narrowed range.
    if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) {
      return 0;
    }
  }
  return n;
}

void append_hex(std::string& out, unsigned char b) {
  constexpr char k_hex[] = "0123456789abcdef";
  out += "\\x";
  out += k_hex[b >> 4];
  out += k_hex[b & 0xF];
}

} // namespace

std::string safe_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const size_t n = utf8_length(s, i);
    if (n == 0) {
      out += k_replacement;
      ++i;
      continue;
    }
    const auto b0 = static_cast<unsigned char>(s[i]);
    const auto b1 = n == 2 ? static_cast<unsigned char>(s[i + 1]) : 0;
    const bool c0 = n == 1 && (b0 < 0x20 || b0 == 0x7F);
    const bool c1 = n == 2 && b0 == 0xC2 && b1 <= 0x9F;
    if (c0 || c1) {
      for (size_t k = 0; k < n; ++k) {
        append_hex(out, static_cast<unsigned char>(s[i + k]));
      }
    } else {
      out.append(s, i, n);
    }
    i += n;
  }
  return out;
}

std::string count_of(uint64_t n, std::string_view noun) {
  std::string out = std::to_string(n);
  out += ' ';
  out += noun;
  if (n != 1) {
    out += 's';
  }
  return out;
}

} // namespace veil
