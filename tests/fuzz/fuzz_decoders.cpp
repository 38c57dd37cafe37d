// Decoders (base64, hex, percent, escapes, HTML) and hidden-text readings
// (tag characters, zero-width, look-alikes, rot13, leetspeak). Property:
// spans lie in the text, each bounded, and decoded text is never empty; the
// encoded runs come first, in order, without overlap (the readings that
// follow may cover them); nothing crashes on any bytes.
#include "fuzz_check.hpp"
#include "scanner/decoders.hpp"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  uint32_t previous_end = 0;
  bool in_runs = true;
  for (const veil::DecodedSpan& span : veil::find_encoded(text)) {
    FUZZ_CHECK(span.start < span.end && span.end <= size);
    FUZZ_CHECK(span.end - span.start <= veil::k_max_encoded_bytes);
    FUZZ_CHECK(!span.text.empty());
    std::string_view kind = span.kind;
    bool run = kind == "base64" || kind == "hex" || kind == "escapes";
    FUZZ_CHECK(!run || in_runs);
    in_runs = in_runs && run;
    if (run) {
      FUZZ_CHECK(span.start >= previous_end);
      previous_end = span.end;
    }
  }
  return 0;
}
