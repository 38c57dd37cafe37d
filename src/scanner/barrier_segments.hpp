// Where in a text a rule can give a finding, from the bytes its matches
// never hold. A street-address regex matches letters, digits, spaces and a
// few marks, never a quote, a colon or a line break: those bytes are
// barriers no match crosses, so a text falls into segments between them
// that RE2 can search one by one with the same matches as the whole text
// (RE2 sees the whole text as context, and the scanner's loop over
// successive matches restarts at each segment as it would after a
// barrier). A segment with fewer digits, capitals, non-ASCII bytes or bytes
// than any match that sets the rule's capture group holds (byte_superset's
// counts), or without one of the bytes every such match holds (the ':' or
// '=' after a name label), gives no finding and is skipped. Anchor windows
// (anchor_windows.hpp) bound where a rule's matches lie by their digits;
// barriers bound the reaches anchors leave open (a street name of any length)
// and the rules that have no anchors at all.
#pragma once

#include "scanner/anchor_windows.hpp"
#include "scanner/byte_superset.hpp"

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace veil {

struct SegmentNeed {
  // Per byte value, k_held when a match may hold it (the others are
  // barriers), plus k_must for the bytes of which a finding holds one.
  static constexpr uint8_t k_held = 1;
  static constexpr uint8_t k_must = 2;
  std::array<uint8_t, 256> held{};
  bool needs_must = false; // some byte has k_must
  // At most four bytes have k_must: segments are found from where those
  // bytes are (a fast search), not from a look at every byte.
  bool must_first = false;
  std::array<uint8_t, 4> must_bytes{};
  MinCounts finding; // every match that can give a finding holds
  // Some byte common in text (white space, a quote, punctuation) is a
  // barrier, and a finding needs digits, capitals, non-ASCII bytes, one of
  // a few rare bytes, or a length when white space is a barrier; otherwise
  // segments would be most of the text and finding them would only cost
  // time.
  bool useful = false;

  static SegmentNeed of(const RegexShape& shape);
};

// Appends to out the parts of text[range.start, range.end) where a finding
// can lie: segments between barriers that hold the counts (and one of the
// must bytes) a finding needs, in order, disjoint, those closer than a
// search call is worth merged.
void finding_segments(std::string_view text, Window range,
                      const SegmentNeed& need, std::vector<Window>& out);

} // namespace veil
