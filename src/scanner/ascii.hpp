// Byte tests that run on every scanned text, so are written to be cheap.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace veil {

// c with ASCII capitals lowered, other bytes as they are (std::tolower in
// the "C" locale veil runs in, without a library call per byte).
constexpr char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
}

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

// Bit i set when byte block + i of s is in [lo, lo + width]; bits past the
// end of s are clear. For texts where such bytes are few: a loop over the
// set bits visits only them.
uint64_t range_bits(std::string_view s, size_t block, uint8_t lo,
                    uint8_t width);

// The same for the bytes equal to one of four (repeat one for fewer).
uint64_t equal_bits(std::string_view s, size_t block,
                    const std::array<uint8_t, 4>& bytes);

// The 64 bytes of s from `block`, those past its end read as `filler`: a
// vector loop over a block then needs no byte-at-a-time tail.
class PaddedBlock {
public:
  PaddedBlock(std::string_view s, size_t block, char filler);
  const char* data() const { return m_data; }

private:
  std::array<char, 64> m_tail;
  const char* m_data;
};

// Bit k set when bytes[k] occurs in s (repeat one to fill the eight).
uint8_t bytes_present(std::string_view s, const std::array<uint8_t, 8>& bytes);

} // namespace veil
