#include "actions/raw_offset.hpp"

#include "core/json_string.hpp"

#include <cstdint>

namespace veil {

namespace {

// Walks raw and decoded on through the token until decoded reaches target
// (or the token ends).
void walk_to(std::string_view token, size_t target, size_t& raw,
             size_t& decoded) {
  while (decoded < target && raw + 1 < token.size()) {
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
    decoded += pair ? 4 : utf8_size(cp);
  }
}

} // namespace

uint64_t raw_column(const Record& record, const Field& field, size_t start) {
  return RawColumns(record, field).column(start);
}

size_t raw_offset_in_token(std::string_view token, size_t decoded_offset) {
  size_t raw = 1; // past the opening quote
  size_t decoded = 0;
  walk_to(token, decoded_offset, raw, decoded);
  return raw;
}

RawColumns::RawColumns(const Record& record, const Field& field)
    : m_token(field.is_json
                  ? record.content.substr(field.raw_begin,
                                          field.raw_end - field.raw_begin)
                  : std::string_view()),
      m_json(field.is_json), m_begin(field.raw_begin),
      m_first(field.cut_start ? 0 : 1), m_raw(m_first) {}

uint64_t RawColumns::column(size_t start) {
  if (!m_json) {
    return m_begin + start + 1;
  }
  if (start < m_decoded) {
    m_raw = m_first; // an earlier offset: from the token's start again
    m_decoded = 0;
  }
  walk_to(m_token, start, m_raw, m_decoded);
  return m_begin + m_raw + 1;
}

} // namespace veil
