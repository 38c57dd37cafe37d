#include "actions/keyed_hash.hpp"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <thread>
#include <utility>
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

  TEST_CASE("a thread's reused contexts keep each key's answers") {
    // printf 'a\0b' | openssl dgst -sha256 -hmac k1 (k2, k3)
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"k1",
         "35070e3227a7bba38907f0f8f5de48800445ead2d799d0187ed4b07b3957f46e"},
        {"k2",
         "fa940d3720447caa9c5a3b144bb946840b7b4a5c2bb7da4843466b7f547e0c28"},
        {"k3",
         "34a9bf758a120f23dff8957fc346bd82b3a395100648808095c5592730210f0c"}};
    // Three keys in turn outrun the contexts a thread keeps.
    std::vector<KeyedHash> hashes;
    for (const auto& [key, hex] : expected) {
      hashes.emplace_back(key);
    }
    for (int round = 0; round < 3; ++round) {
      for (size_t i = 0; i < hashes.size(); ++i) {
        CHECK(hashes[i].hex("a", "b") == expected[i].second);
      }
    }
    // A hash made where a destroyed one lived has its own key.
    for (const auto& [key, hex] : expected) {
      auto hash = std::make_unique<KeyedHash>(key);
      CHECK(hash->hex("a", "b") == hex);
    }
  }

  TEST_CASE("only the public salt is not a secret key") {
    CHECK(KeyedHash("k").has_secret_key());
    CHECK_FALSE(KeyedHash(std::string(k_public_salt)).has_secret_key());
  }

} // TEST_SUITE

} // namespace
} // namespace veil
