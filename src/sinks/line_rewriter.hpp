// The redacted writer's core: splices replacement texts into a raw line.
// Only the edited spans change; every other byte (key order, whitespace,
// number spellings) is copied as read, so a JSON line stays the same
// document with some string values replaced.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace veil {

struct TokenEdit {
  uint32_t raw_begin = 0; // byte span in the line's content
  uint32_t raw_end = 0;
  std::string text; // the new value, decoded (not escaped)
  // true: the span is a whole JSON string token, quotes included, and text
  // is written as a new escaped token; false: text replaces the span as is.
  bool json = false;
};

// Appends content to out with each edit's span replaced by its text. Edits
// must be sorted by raw_begin, must not overlap and must lie in content.
void rewrite_line(std::string_view content, const std::vector<TokenEdit>& edits,
                  std::string& out);

} // namespace veil
