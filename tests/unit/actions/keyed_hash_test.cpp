#include "actions/keyed_hash.hpp"

#include <doctest/doctest.h>

namespace veil {
namespace {

TEST_SUITE("actions::keyed_hash") {

  TEST_CASE("hex is HMAC-SHA256 of a NUL b, lowercase hex") {
    // printf 'pii.email\0jane@x.com' | openssl dgst -sha256 -hmac test-key
    KeyedHash hash("test-key");
    CHECK(hash.hex("pii.email", "jane@x.com") ==
          "a8a823e2b57d37578e651423cda78819441c1920b0a2a1dcae81664c2230b3a4");
    // printf 'a\0' | openssl dgst -sha256 -hmac k
    CHECK(KeyedHash("k").hex("a", "") ==
          "45265a9ed35a64669f2ff546301edef2f85ba08db49606fde40ad52d5f37ab56");
  }

  TEST_CASE("the separator keeps (a, b) pairs apart") {
    KeyedHash hash("k");
    CHECK(hash.hex("ab", "c") != hash.hex("a", "bc"));
    CHECK(hash.hex("a", "b") != KeyedHash("k2").hex("a", "b"));
  }

  TEST_CASE("only the public salt is not a secret key") {
    CHECK(KeyedHash("k").has_secret_key());
    CHECK_FALSE(KeyedHash(std::string(k_public_salt)).has_secret_key());
  }

} // TEST_SUITE

} // namespace
} // namespace veil
