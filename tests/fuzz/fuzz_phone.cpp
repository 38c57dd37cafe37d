// Phone numbers read from libphonenumber's plans (phone_number.cpp) against
// libphonenumber itself. The bytes are spelt in a phone's alphabet (digits,
// " .-/()", a leading "+"), the first picks the default region; property:
// the parse, the country code and its source, the type and the national
// format are libphonenumber's.
#include "../unit/scanner/phone_oracle.hpp"
#include "fuzz_check.hpp"

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace {

const std::vector<std::string>& regions() {
  static const std::vector<std::string> all = [] {
    std::set<std::string> supported;
    veil::phone_oracle::util().GetSupportedRegions(&supported);
    return std::vector<std::string>(supported.begin(), supported.end());
  }();
  return all;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2 || size > 40) {
    return 0;
  }
  static constexpr std::string_view k_alphabet =
      "0123456789012345678901234 .-/()+";
  std::string text;
  for (size_t i = 1; i < size; ++i) {
    const char byte = char(data[i]);
    const char c = k_alphabet.find(byte) != std::string_view::npos
                       ? byte
                       : k_alphabet[data[i] % k_alphabet.size()];
    if (c != '+' || text.empty()) {
      text += c;
    }
  }
  if (!veil::phone_oracle::has_phone_shape(text)) {
    return 0;
  }
  const std::string& region = regions()[data[0] % regions().size()];
  const std::string mismatch = veil::phone_oracle::phone_mismatch(text, region);
  if (!mismatch.empty()) {
    std::fprintf(stderr, "%s in %s: %s\n", text.c_str(), region.c_str(),
                 mismatch.c_str());
  }
  FUZZ_CHECK(mismatch.empty());
  return 0;
}
