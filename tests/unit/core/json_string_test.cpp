#include "core/json_string.hpp"

#include <doctest/doctest.h>

#include <string>

namespace veil {
namespace {

TEST_SUITE("core::json_string") {

  TEST_CASE("a plain body has no backslash and no control character, "
            "wherever one would fall") {
    // Lengths around the 16-byte steps, the odd byte at every place.
    for (size_t n = 0; n < 50; ++n) {
      // DEL, UTF-8 and other bytes over 0x7F are plain.
      std::string body;
      for (size_t i = 0; i < n; ++i) {
        body += "a\x7f\xc3\xa9 \"/~"[i % 8];
      }
      CAPTURE(n);
      CHECK(is_plain_json_body(body));
      for (size_t at = 0; at < n; ++at) {
        for (char odd : {'\\', '\x00', '\x1f', '\n', '\t'}) {
          std::string with = body;
          with[at] = odd;
          CAPTURE(at);
          CHECK_FALSE(is_plain_json_body(with));
        }
      }
    }
  }

} // TEST_SUITE

} // namespace
} // namespace veil
