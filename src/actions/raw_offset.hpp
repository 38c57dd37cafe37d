// Maps a byte offset in a decoded JSON string to the byte offset of the same
// character in its raw token, walking escapes ("\n", "\u00e9", surrogate
// pairs). Columns in reports point into the raw line, as editors expect.
#pragma once

#include <cstddef>
#include <string_view>

namespace veil {

// token: the raw string token including its quotes.
size_t raw_offset_in_token(std::string_view token, size_t decoded_offset);

} // namespace veil
