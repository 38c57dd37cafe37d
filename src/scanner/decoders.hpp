// Encoded text that hides a value from the rules: base64/base64url, hex,
// percent-encoding, literal \uXXXX / \xNN escapes left inside a string, and
// HTML entities. find_encoded() returns each span that decodes to readable
// text, with that text; the scanner runs the rules on it (to depth 2) and
// reports a finding at the encoded span, so redaction replaces all of it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace veil {

struct DecodedSpan {
  uint32_t start = 0; // the encoded bytes in the scanned text
  uint32_t end = 0;
  std::string text;      // what they decode to
  const char* kind = ""; // "base64", "hex", "percent", "escapes", "html"
};

// Spans are bounded (k_max_encoded_bytes each). Encoded runs come first, in
// text order and without overlap; then the hidden-text readings (tag
// characters, zero-width marks, look-alikes, rot13, leetspeak), which may
// cover runs. Decoded text that is not valid, mostly printable UTF-8 is
// dropped.
std::vector<DecodedSpan> find_encoded(std::string_view text);

constexpr size_t k_max_encoded_bytes = 64 * 1024;

} // namespace veil
