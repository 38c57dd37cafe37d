#include "core/json_string.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>

namespace veil {

bool is_plain_json_body(std::string_view body) {
  const char* p = body.data();
  size_t n = body.size();
#if defined(__SSE2__)
  // Most strings are tens of bytes or more: 16 at a time.
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i below_space = _mm_set1_epi8(0x1F);
  for (; n >= 16; p += 16, n -= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, below_space), v);
    if (_mm_movemask_epi8(
            _mm_or_si128(control, _mm_cmpeq_epi8(v, backslash))) != 0) {
      return false;
    }
  }
#endif
  for (; n > 0; ++p, --n) {
    if (*p == '\\' || static_cast<unsigned char>(*p) < 0x20) {
      return false;
    }
  }
  return true;
}

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
