// Maps a byte offset in a decoded JSON string to the byte offset of the same
// character in its raw token, walking escapes ("\n", "\u00e9", surrogate
// pairs). Columns in reports point into the raw line, as editors expect.
#pragma once

#include "core/record.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace veil {

// 1-based byte column in the raw line of decoded offset `start` of a field.
uint64_t raw_column(const Record& record, const Field& field, size_t start);

// token: the raw string token including its quotes.
size_t raw_offset_in_token(std::string_view token, size_t decoded_offset);

// raw_column() for the findings of one field, whose starts rise: each call
// walks on from where the last one stopped, so a field costs one pass over
// its token however many findings it holds (a walk from the token's start
// for each finding made a 23 MB line take 9 s instead of 4).
class RawColumns {
public:
  RawColumns(const Record& record, const Field& field);
  uint64_t column(size_t start);

private:
  std::string_view m_token; // the raw JSON string token
  bool m_json;
  uint32_t m_begin;
  size_t m_first;       // the token's first character: past its quote
  size_t m_raw;         // a position in m_token...
  size_t m_decoded = 0; // ...and the decoded offset it stands for
};

// RawColumns for offsets that come field by field (a record's matches, its
// dropped candidates), each field's rising: one walk per field.
class FieldColumns {
public:
  explicit FieldColumns(const Record& record) : m_record(record) {}
  uint64_t column(uint32_t field, size_t start) {
    if (!m_columns || m_field != field) {
      m_columns.emplace(m_record, m_record.fields[field]);
      m_field = field;
    }
    return m_columns->column(start);
  }

private:
  const Record& m_record;
  std::optional<RawColumns> m_columns;
  uint32_t m_field = 0;
};

} // namespace veil
