#include "scanner/ascii.hpp"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace veil {

// Eight bytes at a time, checked every 64, instead of a branch per byte.
bool is_ascii(std::string_view s) {
  constexpr uint64_t k_high = 0x8080808080808080ull;
  const char* p = s.data();
  size_t n = s.size();
  uint64_t seen = 0;
  size_t i = 0;
  for (; i + 64 <= n; i += 64) {
    for (size_t k = 0; k < 64; k += 8) {
      uint64_t word;
      std::memcpy(&word, p + i + k, 8);
      seen |= word;
    }
    if ((seen & k_high) != 0) {
      return false;
    }
  }
  for (; i < n; ++i) {
    seen |= static_cast<uint8_t>(p[i]);
  }
  return (seen & k_high) == 0;
}

// Counted 64 bytes at a time (a loop the compiler vectorizes), stopping at
// the first block with a hit.
bool has_byte_in(std::string_view s, uint8_t lo, uint8_t hi) {
  const uint8_t width = static_cast<uint8_t>(hi - lo);
  auto in_range = [&](char c) {
    return static_cast<uint8_t>(static_cast<uint8_t>(c) - lo) <= width;
  };
  size_t i = 0;
  for (; i + 64 <= s.size(); i += 64) {
    unsigned count = 0;
    for (size_t k = 0; k < 64; ++k) {
      count += in_range(s[i + k]) ? 1 : 0;
    }
    if (count != 0) {
      return true;
    }
  }
  for (; i < s.size(); ++i) {
    if (in_range(s[i])) {
      return true;
    }
  }
  return false;
}

// 64 bytes at a time into byte-wide counters (a loop the compiler
// vectorizes), instead of three compares and adds per byte.
ByteCounts count_bytes(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  ByteCounts out;
  auto count = [&](size_t from, size_t to) {
    uint8_t digits = 0;
    uint8_t upper = 0;
    uint8_t high = 0;
    for (size_t i = from; i < to; ++i) {
      digits += static_cast<uint8_t>(p[i] - '0') < 10 ? 1 : 0;
      upper += static_cast<uint8_t>(p[i] - 'A') < 26 ? 1 : 0;
      high += p[i] >> 7;
    }
    out.digits += digits;
    out.upper += upper;
    out.high += high;
  };
  size_t i = 0;
  for (; i + 64 <= s.size(); i += 64) {
    count(i, i + 64);
  }
  count(i, s.size());
  return out;
}

// 16 bytes a compare with SSE2 (in every x86-64 CPU); elsewhere, or for the
// last bytes, one at a time.
uint64_t range_bits(std::string_view s, size_t block, uint8_t lo,
                    uint8_t width) {
  const size_t n = std::min<size_t>(64, s.size() - block);
  const auto* p = reinterpret_cast<const uint8_t*>(s.data() + block);
  uint64_t bits = 0;
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i low = _mm_set1_epi8(static_cast<char>(lo));
  const __m128i top = _mm_set1_epi8(static_cast<char>(width));
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_sub_epi8(
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i)), low);
    __m128i in = _mm_cmpeq_epi8(_mm_min_epu8(v, top), v);
    bits |= uint64_t(uint32_t(_mm_movemask_epi8(in))) << i;
  }
#endif
  for (; i < n; ++i) {
    bits |= uint64_t(static_cast<uint8_t>(p[i] - lo) <= width) << i;
  }
  return bits;
}

uint64_t equal_bits(std::string_view s, size_t block,
                    const std::array<uint8_t, 4>& bytes) {
  const size_t n = std::min<size_t>(64, s.size() - block);
  const auto* p = reinterpret_cast<const uint8_t*>(s.data() + block);
  uint64_t bits = 0;
  size_t i = 0;
#if defined(__SSE2__)
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    __m128i in = _mm_setzero_si128();
    for (uint8_t b : bytes) {
      in = _mm_or_si128(in, _mm_cmpeq_epi8(v, _mm_set1_epi8(char(b))));
    }
    bits |= uint64_t(uint32_t(_mm_movemask_epi8(in))) << i;
  }
#endif
  for (; i < n; ++i) {
    bool in = p[i] == bytes[0] || p[i] == bytes[1] || p[i] == bytes[2] ||
              p[i] == bytes[3];
    bits |= uint64_t(in) << i;
  }
  return bits;
}

PaddedBlock::PaddedBlock(std::string_view s, size_t block, char filler)
    : m_data(s.data() + block) {
  const size_t n = std::min<size_t>(64, s.size() - block);
  if (n < 64) {
    m_tail.fill(filler);
    std::copy_n(m_data, n, m_tail.begin());
    m_data = m_tail.data();
  }
}

// Eight compares per 16 bytes into eight accumulators (kept in registers),
// looked at once at the end: one pass for all eight bytes. The last bytes
// are padded with a copy of the text's last byte, which is in it anyway
// (most texts are short: a scalar tail would cost most of the pass).
uint8_t bytes_present(std::string_view s, const std::array<uint8_t, 8>& bytes) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const size_t n = s.size();
  uint8_t found = 0;
#if defined(__SSE2__)
  __m128i want[8];
  __m128i seen[8];
  for (size_t k = 0; k < 8; ++k) {
    want[k] = _mm_set1_epi8(static_cast<char>(bytes[k]));
    seen[k] = _mm_setzero_si128();
  }
  auto look = [&](const uint8_t* at) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
    for (size_t k = 0; k < 8; ++k) {
      seen[k] = _mm_or_si128(seen[k], _mm_cmpeq_epi8(v, want[k]));
    }
  };
  size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    look(p + i);
  }
  if (i < n) {
    std::array<uint8_t, 16> tail;
    tail.fill(p[n - 1]);
    std::memcpy(tail.data(), p + i, n - i);
    look(tail.data());
  }
  for (size_t k = 0; k < 8; ++k) {
    found |= uint8_t((_mm_movemask_epi8(seen[k]) != 0 ? 1u : 0u) << k);
  }
#else
  for (size_t i = 0; i < n; ++i) {
    for (size_t k = 0; k < 8; ++k) {
      found |= uint8_t((p[i] == bytes[k] ? 1u : 0u) << k);
    }
  }
#endif
  return found;
}

} // namespace veil
