// Decoders (base64, hex, percent, escapes, HTML). Property: spans lie in the
// text, in order, without overlap, each bounded, and decoded text is never
// empty; nothing crashes on any bytes.
#include "fuzz_check.hpp"
#include "scanner/decoders.hpp"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  uint32_t previous_end = 0;
  for (const veil::DecodedSpan& span : veil::find_encoded(text)) {
    FUZZ_CHECK(span.start < span.end && span.end <= size);
    FUZZ_CHECK(span.start >= previous_end);
    FUZZ_CHECK(span.end - span.start <= veil::k_max_encoded_bytes);
    FUZZ_CHECK(!span.text.empty());
    previous_end = span.end;
  }
  return 0;
}
