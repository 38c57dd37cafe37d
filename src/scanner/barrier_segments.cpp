#include "scanner/barrier_segments.hpp"

#include <array>

namespace veil {

namespace {

// Segments closer than this are searched in one call: a call costs more
// than scanning a few bytes (as anchor windows merge).
constexpr uint32_t k_merge_gap = 64;

// A segment's digits, capitals and high bytes are summed in one word, 21
// bits each; a segment that long may have carried from one field into the
// next, so it is kept without a look at its counts.
constexpr int k_field_bits = 21;
constexpr uint64_t k_field = (uint64_t(1) << k_field_bits) - 1;
constexpr uint64_t k_digit = 1;
constexpr uint64_t k_upper = k_digit << k_field_bits;
constexpr uint64_t k_high = k_upper << k_field_bits;

// What each byte adds to a segment's counts; the same for every rule.
constexpr std::array<uint64_t, 256> k_counts = [] {
  std::array<uint64_t, 256> counts{};
  for (size_t c = '0'; c <= '9'; ++c) {
    counts[c] = k_digit;
  }
  for (size_t c = 'A'; c <= 'Z'; ++c) {
    counts[c] = k_upper;
  }
  for (size_t c = 0x80; c < 256; ++c) {
    counts[c] = k_high;
  }
  return counts;
}();

bool enough(uint64_t sum, uint32_t bytes, const MinCounts& need) {
  if (bytes > k_field) {
    return true;
  }
  return (sum & k_field) >= uint64_t(need.digits) &&
         ((sum >> k_field_bits) & k_field) >= uint64_t(need.upper) &&
         ((sum >> (2 * k_field_bits)) & k_field) >= uint64_t(need.non_ascii) &&
         bytes >= uint32_t(need.bytes);
}

} // namespace

SegmentNeed SegmentNeed::of(const RegexShape& shape) {
  SegmentNeed need;
  for (size_t c = 0; c < 256; ++c) {
    need.held[c] = shape.bytes[c] ? 1 : 0;
  }
  need.finding = shape.group_need;
  bool common_barrier = false;
  for (unsigned char common : std::string_view(" \n\"',.:")) {
    common_barrier = common_barrier || !shape.bytes[common];
  }
  const MinCounts& f = need.finding;
  // Segments that only need a length are no shorter than most of a text,
  // unless white space cuts them into words.
  need.useful =
      common_barrier && (f.digits > 0 || f.upper > 0 || f.non_ascii > 0 ||
                         (!shape.bytes[' '] && f.bytes >= 8));
  return need;
}

void finding_segments(std::string_view text, Window range,
                      const SegmentNeed& need, std::vector<Window>& out) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const uint8_t* held = need.held.data();
  uint32_t i = range.start;
  const uint32_t end = range.end;
  while (i < end) {
    while (i < end && !held[p[i]]) {
      ++i;
    }
    const uint32_t start = i;
    uint64_t sum = 0;
    for (; i < end && held[p[i]]; ++i) {
      sum += k_counts[p[i]];
    }
    if (i == start || !enough(sum, i - start, need.finding)) {
      continue;
    }
    if (!out.empty() && start <= out.back().end + k_merge_gap) {
      out.back().end = i;
    } else {
      out.push_back({start, i});
    }
  }
}

} // namespace veil
