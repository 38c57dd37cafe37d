#include "scanner/anchor_shape.hpp"

#include <algorithm>

namespace veil {

namespace {

// a + b with none absorbing and unbounded saturating.
int64_t plus(int64_t a, int64_t b) {
  if (a == AnchorShape::none || b == AnchorShape::none) {
    return AnchorShape::none;
  }
  return std::min(a + b, AnchorShape::unbounded);
}

} // namespace

AnchorShape AnchorShape::character(bool anchor, int other_bytes) {
  AnchorShape shape;
  shape.free = other_bytes > 0 ? other_bytes : none;
  if (anchor) {
    // A non-ASCII character is 2-4 anchor bytes in a row: gap 0.
    shape.lead = shape.trail = shape.gap = 0;
  }
  return shape;
}

AnchorShape AnchorShape::then(const AnchorShape& next) const {
  AnchorShape out;
  out.free = plus(free, next.free);
  out.lead = std::max(lead, plus(free, next.lead));
  out.trail = std::max(next.trail, plus(trail, next.free));
  out.gap = std::max({gap, next.gap, plus(trail, next.lead)});
  return out;
}

AnchorShape AnchorShape::either(const AnchorShape& other) const {
  return {std::max(free, other.free), std::max(lead, other.lead),
          std::max(trail, other.trail), std::max(gap, other.gap)};
}

AnchorShape AnchorShape::repeated(int min, int max) const {
  AnchorShape out; // the empty match
  for (int i = 0; i < min; ++i) {
    AnchorShape before = out;
    out = out.then(*this);
    if (i > 0 && out.free == before.free && out.lead == before.lead &&
        out.trail == before.trail && out.gap == before.gap) {
      break; // no further change: the anchors reset every reach
    }
  }
  if (max >= 0) {
    AnchorShape optional = either(AnchorShape{});
    for (int i = min; i < max; ++i) {
      AnchorShape before = out;
      out = out.then(optional);
      if (out.free == before.free && out.lead == before.lead &&
          out.trail == before.trail && out.gap == before.gap) {
        break;
      }
    }
    return out;
  }
  // x*: any number of x after the x{min} so far.
  AnchorShape star;
  if (free > 0) {
    star.free = unbounded;
    star.lead = lead == none ? none : unbounded;
    star.trail = trail == none ? none : unbounded;
    star.gap = lead == none ? gap : unbounded;
  } else {
    star.lead = lead;
    star.trail = trail;
    star.gap = std::max(gap, plus(trail, lead));
  }
  return out.then(star);
}

} // namespace veil
