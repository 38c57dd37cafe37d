// How the anchor bytes of one kind (ASCII digits, or bytes of non-ASCII
// characters) lie in the matches of a regex: how far a match reaches before
// its first anchor, after its last, and between two in a row. A rule whose
// matches all hold anchors, within bounded reaches, can only match around
// the clusters of anchors in a text (anchor_windows.hpp). Built bottom-up
// over the regex by byte_superset's parser.
#pragma once

#include <cstdint>

namespace veil {

struct AnchorShape {
  static constexpr int64_t none = -1;
  static constexpr int64_t unbounded = int64_t(1) << 40;

  // Longest match without anchors; none: every match holds one.
  int64_t free = 0;
  // Most bytes before the first anchor of a match, after the last, and
  // between two anchors in a row; none: no match holds anchors (two, for
  // gap).
  int64_t lead = none;
  int64_t trail = none;
  int64_t gap = none;

  // One character of a class: `anchor` when some of its members are
  // anchors (each all anchor bytes), `other_bytes` the longest of the rest
  // (0: none).
  static AnchorShape character(bool anchor, int other_bytes);

  // This piece followed by `next`.
  AnchorShape then(const AnchorShape& next) const;
  // Either this piece or `other`.
  AnchorShape either(const AnchorShape& other) const;
  // {min,max}; max < 0: unbounded.
  AnchorShape repeated(int min, int max) const;

  // Every match holds an anchor, and no reach is unbounded.
  bool bounded() const {
    return free == none && lead < unbounded && trail < unbounded &&
           gap < unbounded;
  }
};

// The kinds of anchors the scanner windows on, for one piece of regex.
struct AnchorShapes {
  AnchorShape digits;    // ASCII 0-9
  AnchorShape non_ascii; // the bytes of non-ASCII characters
  AnchorShape upper;     // ASCII A-Z, matched case-sensitively

  AnchorShapes then(const AnchorShapes& next) const {
    return {digits.then(next.digits), non_ascii.then(next.non_ascii),
            upper.then(next.upper)};
  }
  AnchorShapes either(const AnchorShapes& other) const {
    return {digits.either(other.digits), non_ascii.either(other.non_ascii),
            upper.either(other.upper)};
  }
  AnchorShapes repeated(int min, int max) const {
    return {digits.repeated(min, max), non_ascii.repeated(min, max),
            upper.repeated(min, max)};
  }
};

} // namespace veil
