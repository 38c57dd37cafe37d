// Splits a ByteSource into lines with exact terminators, so that writing
// bom + content + terminator for every line reproduces the input byte for
// byte. Lines longer than max_line_bytes are skipped (not buffered) and
// flagged too_long.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "source/byte_source.hpp"

namespace veil {

struct RawLine {
  uint64_t number = 0;         // 1-based
  std::string_view bom;        // UTF-8 BOM at the start of line 1, else ""
  std::string_view content;    // without BOM and terminator
  std::string_view terminator; // "\n", "\r\n" or "" (last line, no newline)
  bool too_long = false;       // content over the limit: content is empty
};

class LineSplitter {
public:
  LineSplitter(std::unique_ptr<ByteSource> source, size_t max_line_bytes);
  // False at end of input. Views stay valid until the next call.
  bool next(RawLine& out);
  // ... private members as needed
};

} // namespace veil
