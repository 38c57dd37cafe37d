#include "actions/keyed_hash.hpp"

#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

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

  TEST_CASE("a key longer than a SHA-256 block is hashed first") {
    // printf 'a\0b' | openssl dgst -sha256 -hmac "$(printf 'k%.0s' {1..100})"
    CHECK(KeyedHash(std::string(100, 'k')).hex("a", "b") ==
          "e46898358a94e65f9bb461d575b356c15fee2ee7dfe254db998c0749bad5bfeb");
  }

  TEST_CASE("a moved hash keeps its key; threads share one") {
    KeyedHash first("test-key");
    const std::string expected = first.hex("pii.email", "jane@x.com");
    KeyedHash moved(std::move(first));
    CHECK(moved.hex("pii.email", "jane@x.com") == expected);
    KeyedHash fresh("test-key"); // keyed on first use, by racing threads
    std::vector<std::string> results(4);
    std::vector<std::thread> threads;
    for (std::string& result : results) {
      threads.emplace_back([&] {
        for (int i = 0; i < 200; ++i) {
          result = fresh.hex("pii.email", "jane@x.com");
        }
      });
    }
    for (std::thread& t : threads) {
      t.join();
    }
    for (const std::string& result : results) {
      CHECK(result == expected);
    }
  }

  TEST_CASE("only the public salt is not a secret key") {
    CHECK(KeyedHash("k").has_secret_key());
    CHECK_FALSE(KeyedHash(std::string(k_public_salt)).has_secret_key());
  }

} // TEST_SUITE

} // namespace
} // namespace veil
