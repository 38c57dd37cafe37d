#include "actions/base64url.hpp"

#include <doctest/doctest.h>

#include <string>

namespace veil {
namespace {

TEST_SUITE("actions::base64url") {

  TEST_CASE("RFC 4648 vectors, unpadded, with the url alphabet") {
    CHECK(base64url_encode("") == "");
    CHECK(base64url_encode("f") == "Zg");
    CHECK(base64url_encode("fo") == "Zm8");
    CHECK(base64url_encode("foo") == "Zm9v");
    CHECK(base64url_encode("foob") == "Zm9vYg");
    CHECK(base64url_encode("fooba") == "Zm9vYmE");
    CHECK(base64url_encode("foobar") == "Zm9vYmFy");
    CHECK(base64url_encode("\xfb\xff\xbf") == "-_-_");
  }

  TEST_CASE("decode inverts encode for every length and byte") {
    std::string bytes;
    for (int i = 0; i < 300; ++i) {
      CHECK(base64url_decode(base64url_encode(bytes)) == bytes);
      bytes.push_back(static_cast<char>((i * 37) & 255));
    }
  }

  TEST_CASE("decode refuses what encode never writes") {
    CHECK_FALSE(base64url_decode("Zg==").has_value());   // padding
    CHECK_FALSE(base64url_decode("Zm9v+/").has_value()); // standard alphabet
    CHECK_FALSE(base64url_decode("Z").has_value());      // 4n + 1 characters
    CHECK_FALSE(base64url_decode("Zh").has_value());     // unused bits set
    CHECK_FALSE(base64url_decode("Zm 9v").has_value());
  }

} // TEST_SUITE

} // namespace
} // namespace veil
