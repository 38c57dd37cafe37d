// A text line too long to hold whole is read in pieces (LineSplitter): each
// piece is a window of the line, of which [keep_begin, keep_end) is the
// piece's own part. The bytes around it are context shared with the pieces
// before and after, so that a value across a cut is found whole, by the
// piece where it starts.
#pragma once

#include <cstdint>

namespace veil {

struct LinePiece {
  uint64_t offset = 0;     // of the window's first byte in the line
  uint32_t keep_begin = 0; // the piece's own bytes, in the window
  uint32_t keep_end = 0;
  bool first = true; // the line's first piece (it carries the BOM)
  bool last = true;  // the line's last piece (it carries the terminator)

  // Whether the window's byte at `at` is one of the piece's own.
  bool owns(uint64_t at) const { return at >= keep_begin && at < keep_end; }
};

} // namespace veil
