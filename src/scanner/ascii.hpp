// Byte tests that run on every scanned text, so are written to be cheap.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace veil {

// True when no byte of s is 0x80 or above.
bool is_ascii(std::string_view s);

// True when some byte of s is in [lo, hi].
bool has_byte_in(std::string_view s, uint8_t lo, uint8_t hi);

// How many bytes of s are ASCII digits, ASCII capitals, and 0x80 or above.
struct ByteCounts {
  size_t digits = 0;
  size_t upper = 0;
  size_t high = 0;
};
ByteCounts count_bytes(std::string_view s);

} // namespace veil
