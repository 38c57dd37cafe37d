// Maps a byte offset in a decoded JSON string to the byte offset of the same
// character in its raw token, walking escapes ("\n", "\u00e9", surrogate
// pairs). Columns in reports point into the raw line, as editors expect.
#pragma once

#include "core/record.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace veil {

// 1-based byte column in the raw line of decoded offset `start` of a field.
uint64_t raw_column(const Record& record, const Field& field, size_t start);

// token: the raw string token including its quotes.
size_t raw_offset_in_token(std::string_view token, size_t decoded_offset);

} // namespace veil
