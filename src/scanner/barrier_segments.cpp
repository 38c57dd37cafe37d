#include "scanner/barrier_segments.hpp"

#include "scanner/ascii.hpp"

#include <algorithm>
#include <array>
#include <bit>

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

// A byte set that takes in a lowercase letter or white space is in nearly
// every segment: not worth a look.
bool rare(const ByteSet& set) {
  for (size_t c = 0; c < 256; ++c) {
    bool common = (c >= 'a' && c <= 'z') || c == ' ' || c == '\t' ||
                  c == '\n' || c == '\r';
    if (common && set[c]) {
      return false;
    }
  }
  return true;
}

// Marks in need.held the bytes of `must` that a match may hold (a finding
// holds one of them) and lists them when they are few.
void mark_must(const ByteSet& must, SegmentNeed& need) {
  size_t count = 0;
  for (size_t c = 0; c < 256; ++c) {
    if (need.held[c] && must[c]) {
      need.held[c] |= SegmentNeed::k_must;
      if (count < need.must_bytes.size()) {
        need.must_bytes[count] = uint8_t(c);
      }
      ++count;
    }
  }
  need.needs_must = count > 0;
  need.must_first = need.needs_must && count <= need.must_bytes.size();
  for (size_t k = count; need.must_first && k < need.must_bytes.size(); ++k) {
    need.must_bytes[k] = need.must_bytes[0]; // equal_bits() takes four
  }
}

void add_segment(uint32_t start, uint32_t end, std::vector<Window>& out) {
  if (!out.empty() && start <= out.back().end + k_merge_gap) {
    out.back().end = end;
  } else {
    out.push_back({start, end});
  }
}

// The run of held bytes from `start` up to `limit`: added to out when a
// finding fits in it. Returns where it ends.
uint32_t take_segment(const unsigned char* p, uint32_t start, uint32_t limit,
                      const SegmentNeed& need, std::vector<Window>& out) {
  const uint8_t* held = need.held.data();
  uint64_t sum = 0;
  uint8_t seen = 0;
  uint32_t end = start;
  for (; end < limit && held[p[end]]; ++end) {
    sum += k_counts[p[end]];
    seen |= held[p[end]];
  }
  if (enough(sum, end - start, need.finding) &&
      (!need.needs_must || (seen & SegmentNeed::k_must))) {
    add_segment(start, end, out);
  }
  return end;
}

// finding_segments() from the bytes one of which every finding holds (a
// must byte, or a byte its counts need): the segment around each, unless an
// earlier one took it in. `seeds(block)` gives them 64 bytes at a time.
template <typename Seeds>
void seeded_segments(std::string_view text, Window range,
                     const SegmentNeed& need, Seeds seeds,
                     std::vector<Window>& out) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const uint8_t* held = need.held.data();
  uint32_t done = range.start;
  for (uint32_t block = range.start; block < range.end; block += 64) {
    uint64_t bits = seeds(block);
    if (range.end - block < 64) {
      bits &= (uint64_t(1) << (range.end - block)) - 1;
    }
    for (; bits != 0; bits &= bits - 1) {
      const uint32_t hit = block + uint32_t(std::countr_zero(bits));
      if (hit < done || !held[p[hit]]) {
        continue;
      }
      uint32_t start = hit;
      while (start > range.start && held[p[start - 1]]) {
        --start;
      }
      done = take_segment(p, start, range.end, need, out);
    }
  }
}

// finding_segments() by a look at every byte of the range.
void plain_segments(std::string_view text, Window range,
                    const SegmentNeed& need, std::vector<Window>& out) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  for (uint32_t i = range.start; i < range.end;) {
    if (need.held[p[i]]) {
      i = take_segment(p, i, range.end, need, out);
    } else {
      ++i;
    }
  }
}

} // namespace

SegmentNeed SegmentNeed::of(const RegexShape& shape) {
  SegmentNeed need;
  for (size_t c = 0; c < 256; ++c) {
    need.held[c] = shape.bytes[c] ? k_held : 0;
  }
  if (shape.group_must && rare(*shape.group_must)) {
    mark_must(*shape.group_must, need);
  }
  need.finding = shape.group_need;
  bool common_barrier = false;
  for (unsigned char common : std::string_view(" \n\"',.:")) {
    common_barrier = common_barrier || !shape.bytes[common];
  }
  const MinCounts& f = need.finding;
  // Segments that only need a length are no shorter than most of a text,
  // unless white space cuts them into words.
  need.useful = common_barrier &&
                (f.digits > 0 || f.upper > 0 || f.non_ascii > 0 ||
                 need.needs_must || (!shape.bytes[' '] && f.bytes >= 8));
  return need;
}

void finding_segments(std::string_view text, Window range,
                      const SegmentNeed& need, std::vector<Window>& out) {
  // A finding holds one of the few must bytes, a digit, a non-ASCII byte or
  // a capital: segments are sought from where those are (in most texts
  // they are few), not from every byte.
  auto seeded_by = [&](uint8_t low, uint8_t width) {
    seeded_segments(
        text, range, need,
        [&](uint32_t block) { return range_bits(text, block, low, width); },
        out);
  };
  if (need.must_first) {
    seeded_segments(
        text, range, need,
        [&](uint32_t block) {
          return equal_bits(text, block, need.must_bytes);
        },
        out);
  } else if (need.finding.digits > 0) {
    seeded_by('0', 9);
  } else if (need.finding.non_ascii > 0) {
    seeded_by(0x80, 127);
  } else if (need.finding.upper > 0) {
    seeded_by('A', 25);
  } else {
    plain_segments(text, range, need, out);
  }
}

} // namespace veil
