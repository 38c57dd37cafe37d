#include "core/json_string.hpp"

#include <algorithm>

namespace veil {

uint32_t hex4(std::string_view s, size_t at) {
  uint32_t v = 0;
  for (size_t i = at; i < at + 4 && i < s.size(); ++i) {
    v = v << 4 | uint32_t(std::max(0, hex_value(s[i])));
  }
  return v;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

void append_unescaped_json(std::string& out, std::string_view in) {
  out.reserve(out.size() + in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '\\' || i + 1 >= in.size()) {
      out += in[i];
      continue;
    }
    char e = in[++i];
    if (e != 'u') {
      char c = simple_escape(e);
      out += c != 0 ? c : e;
      continue;
    }
    uint32_t cp = hex4(in, i + 1);
    i += 4;
    if (cp >= 0xD800 && cp < 0xDC00 && i + 6 < in.size() && in[i + 1] == '\\' &&
        in[i + 2] == 'u') {
      uint32_t low = hex4(in, i + 3);
      if (low >= 0xDC00 && low < 0xE000) {
        cp = surrogate_pair(cp, low);
        i += 6;
      }
    }
    append_utf8(out, cp);
  }
}

std::string unescape_json(std::string_view inner) {
  std::string out;
  append_unescaped_json(out, inner);
  return out;
}

} // namespace veil
