#include "actions/cipher.hpp"
#include "core/errors.hpp"

#include <doctest/doctest.h>

#include <string>

namespace veil {
namespace {

std::string from_hex(std::string_view hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<char>(
        std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  }
  return out;
}

std::string to_hex(const std::string& bytes) {
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += k_hex[c >> 4];
    out += k_hex[c & 15];
  }
  return out;
}

std::string key_0_to_63() {
  std::string key;
  for (int i = 0; i < 64; ++i) {
    key.push_back(static_cast<char>(i));
  }
  return key;
}

TEST_SUITE("actions::cipher") {

  TEST_CASE("AES-SIV matches RFC 5297 A.1 (deterministic, AD bound)") {
    SivCipher cipher(from_hex("fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0"
                              "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"));
    std::string ad =
        from_hex("101112131415161718191a1b1c1d1e1f2021222324252627");
    std::string sealed =
        cipher.seal(ad, from_hex("112233445566778899aabbccddee"));
    CHECK(to_hex(sealed) == "85632d07c6e8f37f950acd320a2ecc93"
                            "40c02b9690c4dc04daef7f6afe5c");
    CHECK(cipher.open(ad, sealed) == from_hex("112233445566778899aabbccddee"));
  }

  TEST_CASE("AES-256-SIV agrees with python3-cryptography's AESSIV") {
    // AESSIV(bytes(range(64))).encrypt(b"jane@example.com",
    // [b"EMAIL_ADDRESS"]).hex(), and the same for a UTF-8 name.
    SivCipher cipher(key_0_to_63());
    CHECK(to_hex(cipher.seal("EMAIL_ADDRESS", "jane@example.com")) ==
          "913f9911c59c2544a03828fd506f349a2dab8debed5daf24fa561bf4378a7d7e");
    CHECK(to_hex(cipher.seal("PERSON", "Zo\xC3\xAB M\xC3\xBCller")) ==
          "e821bc1713b1dc49a4a68c364f971556438471918de47c39e810e622");
  }

  TEST_CASE("open refuses another key, another AD and altered bytes") {
    SivCipher cipher(key_0_to_63());
    std::string sealed = cipher.seal("EMAIL_ADDRESS", "jane@example.com");
    CHECK(cipher.open("EMAIL_ADDRESS", sealed) == "jane@example.com");
    CHECK_FALSE(cipher.open("PERSON", sealed).has_value());
    std::string other_key = key_0_to_63();
    other_key[5] ^= 1;
    CHECK_FALSE(SivCipher(other_key).open("EMAIL_ADDRESS", sealed));
    for (size_t i : {size_t{0}, size_t{15}, size_t{16}, sealed.size() - 1}) {
      std::string altered = sealed;
      altered[i] ^= 0x40;
      CHECK_FALSE(cipher.open("EMAIL_ADDRESS", altered).has_value());
    }
    CHECK_FALSE(cipher.open("EMAIL_ADDRESS", sealed.substr(0, 15)));
    CHECK_FALSE(
        cipher.open("EMAIL_ADDRESS", sealed.substr(0, sealed.size() - 1)));
  }

  TEST_CASE("the same value gives the same ciphertext, others differ") {
    SivCipher cipher(key_0_to_63());
    CHECK(cipher.seal("E", "a") == cipher.seal("E", "a"));
    CHECK(cipher.seal("E", "a") != cipher.seal("E", "b"));
    CHECK(cipher.seal("E", "a") != cipher.seal("F", "a"));
  }

  TEST_CASE("long values and every byte value round-trip") {
    SivCipher cipher(key_0_to_63());
    std::string value;
    for (int i = 0; i < 1000; ++i) {
      value.push_back(static_cast<char>(i % 256));
    }
    CHECK(cipher.open("E", cipher.seal("E", value)) == value);
  }

  TEST_CASE("a key of the wrong size is a usage error") {
    CHECK_THROWS_AS(SivCipher(std::string(16, 'k')), UsageError);
    CHECK_THROWS_AS(SivCipher(std::string(65, 'k')), UsageError);
  }

} // TEST_SUITE

} // namespace
} // namespace veil
