// Inline allow markers: a line that says `veil:allow` (or gitleaks'
// `gitleaks:allow`, or detect-secrets' `pragma: allowlist secret`) vouches
// for the values found on that same line. "Line" means a line of the
// decoded string value: a text input line is one value; in a JSONL record
// the marker must sit in the same string value as the finding, on the same
// '\n'-separated line of it, so a marker in one chat message never covers
// another. Markers only silence reports; `redact` still replaces the value.
#pragma once

#include <string_view>

namespace veil {

// Cheap pre-check for a whole value: does any marker occur in it?
bool has_allow_marker(std::string_view text);

// Does the line of `text` that holds byte `pos` carry a marker?
bool line_has_allow_marker(std::string_view text, size_t pos);

// line_has_allow_marker() for the findings of one value: a line is read
// once for all the findings on it (each finding's look at its whole line
// added most of a second to a 10 MB line without a line break). A text
// asked about must not change while this is in use.
class AllowMarkerLines {
public:
  bool on_line_of(std::string_view text, size_t pos);

private:
  std::string_view m_text;
  size_t m_begin = 1; // the line last read: [m_begin, m_end), m_end its
  size_t m_end = 0;   // '\n' or the end of the text (none read yet)
  bool m_marked = false;
};

} // namespace veil
