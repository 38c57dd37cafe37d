#include "scanner/anchor_windows.hpp"

#include "scanner/anchor_shape.hpp"
#include "scanner/ascii.hpp"
#include "scanner/byte_superset.hpp"

#include <algorithm>
#include <bit>

namespace veil {

namespace {

// Windows closer than this are one: a search call costs more than
// scanning a few bytes.
constexpr uint32_t k_merge_gap = 64;
// A text with more anchors than this runs whole (the list stays small).
constexpr size_t k_max_anchors = 1 << 16;
// Reaches longer than this would take in most of a typical text anyway.
constexpr int64_t k_max_reach = 1 << 12;

bool is_short(int64_t reach) {
  return reach <= k_max_reach;
}

// Every reach short: windows around clusters of anchors.
bool short_reach(const AnchorShape& shape) {
  return shape.free == AnchorShape::none && is_short(shape.lead) &&
         is_short(shape.trail) && is_short(shape.gap);
}

// Only the reach before the first anchor or after the last is short: one
// window, from the first anchor of the text (less lead) to the last (plus
// trail). Street addresses and phone-like runs begin at their first digit.
bool short_end(const AnchorShape& shape) {
  return shape.free == AnchorShape::none &&
         (is_short(shape.lead) || is_short(shape.trail));
}

} // namespace

AnchorNeed AnchorNeed::of(std::string_view regex, int group) {
  std::optional<RegexShape> parsed = regex_shape(regex, group);
  return parsed ? of(*parsed) : AnchorNeed{};
}

AnchorNeed AnchorNeed::of(const RegexShape& parsed) {
  const AnchorShapes* shapes = &parsed.shapes;
  auto make = [](Kind kind, int count, int finding, const AnchorShape& shape) {
    auto reach = [](int64_t bytes) {
      return is_short(bytes) ? uint32_t(std::max<int64_t>(bytes, 0))
                             : AnchorNeed::k_unbounded;
    };
    const auto least = uint32_t(std::max(count, 1));
    return AnchorNeed{kind,
                      least,
                      reach(shape.lead),
                      reach(shape.trail),
                      reach(shape.gap),
                      std::max(least, uint32_t(std::max(finding, 0)))};
  };
  const MinCounts& any = parsed.need;
  const MinCounts& finding = parsed.group_need;
  if (short_reach(shapes->digits)) {
    return make(Kind::digit, any.digits, finding.digits, shapes->digits);
  }
  if (short_reach(shapes->non_ascii)) {
    return make(Kind::non_ascii, any.non_ascii, finding.non_ascii,
                shapes->non_ascii);
  }
  if (short_reach(shapes->upper)) {
    return make(Kind::upper, any.upper, finding.upper, shapes->upper);
  }
  if (short_end(shapes->digits)) {
    return make(Kind::digit, any.digits, finding.digits, shapes->digits);
  }
  if (short_end(shapes->non_ascii)) {
    return make(Kind::non_ascii, any.non_ascii, finding.non_ascii,
                shapes->non_ascii);
  }
  return {};
}

void AnchorWindows::reset(std::string_view text) {
  m_text = text;
  for (Anchors& list : m_anchors) {
    list.listed = false;
  }
}

const AnchorWindows::Anchors& AnchorWindows::anchors(AnchorNeed::Kind kind) {
  Anchors& list = m_anchors[size_t(kind) - 1];
  if (list.listed) {
    return list;
  }
  list.listed = true;
  list.too_many = false;
  list.at.clear();
  // The kind's bytes: '0' and 10 ('0'-'9'), 0x80 and 128, 'A' and 26.
  static constexpr unsigned char k_low[] = {'0', 0x80, 'A'};
  static constexpr unsigned k_count[] = {10, 128, 26};
  const unsigned char low = k_low[size_t(kind) - 1];
  const auto width = static_cast<uint8_t>(k_count[size_t(kind) - 1] - 1);
  for (size_t block = 0; block < m_text.size(); block += 64) {
    for (uint64_t bits = range_bits(m_text, block, low, width); bits != 0;
         bits &= bits - 1) {
      if (list.at.size() == k_max_anchors) {
        list.too_many = true;
        return list;
      }
      list.at.push_back(uint32_t(block) + uint32_t(std::countr_zero(bits)));
    }
  }
  return list;
}

bool AnchorWindows::windows(const AnchorNeed& need, std::vector<Window>& out) {
  out.clear();
  if (need.kind == AnchorNeed::Kind::none || m_text.size() > UINT32_MAX) {
    return false;
  }
  const Anchors& list = anchors(need.kind);
  if (list.too_many) {
    return false;
  }
  const std::vector<uint32_t>& at = list.at;
  const uint64_t size = m_text.size();
  uint64_t covered = 0;
  // A match's anchors are all in one cluster: one with a finding's worth.
  size_t largest = 0; // cluster in out.back()
  auto keep_last = [&] {
    if (!out.empty() && largest < need.finding) {
      covered -= out.back().end - out.back().start;
      out.pop_back();
    }
  };
  for (size_t first = 0; first < at.size();) {
    size_t last = first;
    while (last + 1 < at.size() && at[last + 1] - at[last] - 1 <= need.gap) {
      ++last;
    }
    const size_t anchors = last - first + 1;
    if (anchors >= need.count) {
      uint32_t start = at[first] > need.lead ? at[first] - need.lead : 0;
      auto end = uint32_t(
          std::min<uint64_t>(uint64_t(at[last]) + 1 + need.trail, size));
      // Clusters come in order, so merging with the last window is enough.
      if (!out.empty() && start <= out.back().end + k_merge_gap) {
        covered += end - std::min(end, out.back().end);
        out.back().end = std::max(end, out.back().end);
        largest = std::max(largest, anchors);
      } else {
        keep_last();
        covered += end - start;
        out.push_back({start, end});
        largest = anchors;
      }
    }
    first = last + 1;
  }
  keep_last();
  if (covered * 4 >= size * 3) {
    out.clear(); // most of the text: one search is cheaper
    return false;
  }
  return true;
}

} // namespace veil
