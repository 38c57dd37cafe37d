#include "scanner/barrier_segments.hpp"

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
constexpr uint64_t k_barrier = uint64_t(1) << 63;

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
  need.finding = shape.group_need;
  for (size_t c = 0; c < 256; ++c) {
    uint64_t entry = shape.bytes[c] ? 0 : k_barrier;
    if (c >= '0' && c <= '9') {
      entry |= k_digit;
    } else if (c >= 'A' && c <= 'Z') {
      entry |= k_upper;
    } else if (c >= 0x80) {
      entry |= k_high;
    }
    need.bytes[c] = entry;
  }
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
  const uint64_t* table = need.bytes.data();
  uint32_t i = range.start;
  const uint32_t end = range.end;
  while (i < end) {
    while (i < end && (table[p[i]] & k_barrier) != 0) {
      ++i;
    }
    const uint32_t start = i;
    uint64_t sum = 0;
    for (; i < end; ++i) {
      const uint64_t entry = table[p[i]];
      if ((entry & k_barrier) != 0) {
        break;
      }
      sum += entry;
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
