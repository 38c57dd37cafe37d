#include "scanner/anchor_windows.hpp"

#include "scanner/byte_superset.hpp"

#include <algorithm>

namespace veil {

namespace {

// Windows closer than this are one: a search call costs more than
// scanning a few bytes.
constexpr uint32_t k_merge_gap = 64;
// A text with more anchors than this runs whole (the list stays small).
constexpr size_t k_max_anchors = 1 << 16;
// A window longer than this would be most of a typical text anyway.
constexpr size_t k_max_window = 1 << 16;

} // namespace

AnchorNeed AnchorNeed::of(std::string_view regex) {
  std::optional<size_t> longest = max_match_bytes(regex);
  if (!longest || *longest == 0 || *longest > k_max_window) {
    return {};
  }
  MinCounts need = min_counts(regex); // of the whole match, not a group
  if (need.digits > 0) {
    return {Kind::digit, uint32_t(need.digits), uint32_t(*longest)};
  }
  if (need.non_ascii > 0) {
    return {Kind::non_ascii, uint32_t(need.non_ascii), uint32_t(*longest)};
  }
  return {};
}

void AnchorWindows::reset(std::string_view text) {
  m_text = text;
  m_digits.listed = false;
  m_non_ascii.listed = false;
}

const AnchorWindows::Anchors& AnchorWindows::anchors(AnchorNeed::Kind kind) {
  Anchors& list = kind == AnchorNeed::Kind::digit ? m_digits : m_non_ascii;
  if (list.listed) {
    return list;
  }
  list.listed = true;
  list.too_many = false;
  list.at.clear();
  const auto* bytes = reinterpret_cast<const unsigned char*>(m_text.data());
  for (uint32_t i = 0; i < m_text.size(); ++i) {
    bool anchor = kind == AnchorNeed::Kind::digit
                      ? static_cast<unsigned>(bytes[i] - '0') < 10
                      : bytes[i] >= 0x80;
    if (anchor) {
      if (list.at.size() == k_max_anchors) {
        list.too_many = true;
        break;
      }
      list.at.push_back(i);
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
  const size_t n = need.count;
  const uint32_t span = need.max_bytes;
  const auto size = static_cast<uint32_t>(m_text.size());
  uint64_t covered = 0;
  for (size_t i = 0; i + n <= at.size(); ++i) {
    uint32_t first = at[i];
    uint32_t last = at[i + n - 1];
    if (last - first >= span) {
      continue; // these n anchors cannot share a match
    }
    // A match holding them starts after last - span and ends by first + span.
    uint32_t start = last + 1 > span ? last + 1 - span : 0;
    uint32_t end = uint32_t(std::min<uint64_t>(uint64_t(first) + span, size));
    if (!out.empty() && start <= out.back().end + k_merge_gap) {
      covered += end - out.back().end;
      out.back().end = end;
    } else {
      covered += end - start;
      out.push_back({start, end});
    }
  }
  // Starts and ends both grow with i, so merging with the last is enough.
  return covered * 4 < uint64_t(size) * 3;
}

} // namespace veil
