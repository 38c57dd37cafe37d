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

} // namespace veil
