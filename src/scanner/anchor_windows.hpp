// Where in a text a rule can match, so that RE2 runs on a few windows of it
// instead of the whole text. Take a rule whose every match holds at least n
// anchors (ASCII digits, bytes of non-ASCII characters, or ASCII capitals
// matched case-sensitively), with at most
// `gap` other bytes between two anchors in a row, `lead` before the first
// and `trail` after the last (anchor_shape.hpp). In a text, cut the anchors
// into clusters where more than `gap` bytes part two in a row: a match's
// anchors are all in one cluster of n or more, and the match lies within
// `lead` bytes before that cluster and `trail` after it. Most texts hold few
// digits, and the digit-driven rules (cards, national ids, IP addresses)
// took a third of the scanning time running over whole texts.
//
// Same matches as the whole text: RE2 searches a window with the whole text
// as context (\b, ^ and $ see the bytes around it), so a match in a window
// is a match in the text. Every match of the text lies inside one window,
// windows are disjoint, and the leftmost match at or after a position is
// therefore found in the first window that holds one, with the same end:
// the scanner's loop over successive matches gives the same list window by
// window as over the whole text. A window whose clusters all hold fewer
// anchors than a match that sets the rule's capture group needs is left
// out: its matches are decoys the regex swallows (a decimal number for a
// national id rule), which give no finding, and windows are searched each
// on its own.
#pragma once

#include "scanner/byte_superset.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace veil {

struct AnchorNeed {
  enum class Kind : uint8_t { none, digit, non_ascii, upper };
  Kind kind = Kind::none;
  static constexpr uint32_t k_unbounded = UINT32_MAX;
  uint32_t count = 0; // anchors every match holds, at least
  // Reaches in bytes (anchor_shape.hpp), or k_unbounded: an unbounded gap
  // makes all anchors one cluster, an unbounded lead (trail) extends its
  // window to the start (end) of the text.
  uint32_t lead = 0;
  uint32_t trail = 0;
  uint32_t gap = 0;
  // Anchors every match in which the rule's capture group takes part (every
  // match that can give a finding) holds, at least: a window with fewer
  // holds only the regex's decoys ("1.5" for a national id rule).
  uint32_t finding = 0;

  // From the regex and its capture group (byte_superset's analysis); kind
  // none when some match may hold no anchor of any kind, or reach
  // unboundedly far both before and after them.
  static AnchorNeed of(std::string_view regex, int group = 0);
  static AnchorNeed of(const RegexShape& shape);
};

struct Window {
  uint32_t start;
  uint32_t end;
};

// The anchors of one text, found on first use. One per Scanner.
class AnchorWindows {
public:
  void reset(std::string_view text);

  // The windows, in order and disjoint, where a rule with `need` can give a
  // finding (none: it cannot). False when the rule is to run on the whole
  // text: no need, too many anchors to list, or windows covering most of it.
  bool windows(const AnchorNeed& need, std::vector<Window>& out);

private:
  struct Anchors {
    bool listed = false;
    bool too_many = false;
    std::vector<uint32_t> at;
  };
  const Anchors& anchors(AnchorNeed::Kind kind);

  std::string_view m_text;
  Anchors m_anchors[3]; // by Kind, less one
};

} // namespace veil
