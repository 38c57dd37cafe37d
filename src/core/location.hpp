// Where something is: a file, a 1-based line and optionally a 1-based column.
// format() is the one place that spells "FILE:LINE:COL".
#pragma once

#include <cstdint>
#include <string>

namespace veil {

// A place in a file already known.
struct TextPosition {
  uint64_t line = 0;
  uint64_t column = 0;
};

struct SourceLocation {
  std::string file;
  uint64_t line = 0;   // 0: unknown
  uint64_t column = 0; // 0: unknown

  std::string format() const {
    std::string out = file;
    if (line > 0) {
      out += ':' + std::to_string(line);
      if (column > 0) {
        out += ':' + std::to_string(column);
      }
    }
    return out;
  }
};

} // namespace veil
