#include "actions/raw_offset.hpp"

#include <cstdint>

namespace veil {

namespace {

uint32_t hex4(std::string_view s, size_t at) {
  uint32_t v = 0;
  for (size_t i = at; i < at + 4 && i < s.size(); ++i) {
    char c = s[i];
    v <<= 4;
    if (c >= '0' && c <= '9') {
      v |= uint32_t(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      v |= uint32_t(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      v |= uint32_t(c - 'A' + 10);
    }
  }
  return v;
}

size_t utf8_length(uint32_t cp) {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

} // namespace

uint64_t raw_column(const Record& record, const Field& field, size_t start) {
  if (!field.is_json) {
    return field.raw_begin + start + 1;
  }
  std::string_view token =
      record.content.substr(field.raw_begin, field.raw_end - field.raw_begin);
  return field.raw_begin + raw_offset_in_token(token, start) + 1;
}

size_t raw_offset_in_token(std::string_view token, size_t decoded_offset) {
  size_t raw = 1; // past the opening quote
  size_t decoded = 0;
  while (decoded < decoded_offset && raw + 1 < token.size()) {
    if (token[raw] != '\\') {
      ++raw;
      ++decoded;
      continue;
    }
    if (token[raw + 1] != 'u') {
      raw += 2;
      ++decoded;
      continue;
    }
    uint32_t cp = hex4(token, raw + 2);
    bool pair = cp >= 0xD800 && cp < 0xDC00 && raw + 7 < token.size() &&
                token[raw + 6] == '\\' && token[raw + 7] == 'u';
    raw += pair ? 12 : 6;
    decoded += pair ? 4 : utf8_length(cp);
  }
  return raw;
}

} // namespace veil
