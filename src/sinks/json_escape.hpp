// Writes one JSON string token (quotes included) for arbitrary bytes. The
// redacted writer splices these tokens into raw lines, so the result must be
// valid JSON whatever the input: bytes that are not valid UTF-8 become
// \ufffd instead of being copied through.
#pragma once

#include <string>
#include <string_view>

namespace veil {

// Appends `"` + escaped s + `"` to out. Escapes '"', '\\' and control bytes
// below 0x20 (\b \f \n \r \t, others \u00XX); valid UTF-8 is copied as is.
// Each byte of an invalid UTF-8 sequence becomes one \ufffd.
void append_json_string(std::string& out, std::string_view s);
// The same without the quotes: part of a token's body.
void append_json_chars(std::string& out, std::string_view s);

} // namespace veil
