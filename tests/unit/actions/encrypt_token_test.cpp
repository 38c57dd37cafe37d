#include "actions/encrypt_token.hpp"
#include "actions/key_material.hpp"

#include <doctest/doctest.h>

#include <string>

namespace veil {
namespace {

TokenCipher cipher_for(const char* master, std::string_view segment = {}) {
  return TokenCipher(
      KeyMaterial(std::string(master)).subkey(KeyPurpose::encrypt, segment));
}

TEST_SUITE("actions::encrypt_token") {

  TEST_CASE("a token is [ENTITY:enc:base64url] and opens to the value") {
    TokenCipher cipher = cipher_for("k");
    std::string token = cipher.token("EMAIL_ADDRESS", "jane@example.com");
    CHECK(token.rfind("[EMAIL_ADDRESS:enc:", 0) == 0);
    CHECK(token.back() == ']');
    // 16-byte tag + 16 bytes of value: 32 bytes, 43 characters.
    CHECK(token.size() == std::string("[EMAIL_ADDRESS:enc:]").size() + 43);
    CHECK(token.find_first_of("\"\\/+= \n") == std::string::npos);
    CHECK(cipher.open(token) == "jane@example.com");
  }

  TEST_CASE("the empty value has a token too, apart from a zero byte") {
    TokenCipher cipher = cipher_for("k");
    std::string empty = cipher.token("PERSON", "");
    std::string zero = cipher.token("PERSON", std::string(1, '\0'));
    CHECK(empty != zero);
    CHECK(cipher.open(empty) == "");
    CHECK(cipher.open(zero) == std::string(1, '\0'));
    CHECK(cipher_for("other").open(empty) == std::nullopt);
    std::string relabelled = empty;
    relabelled.replace(1, 6, "PERSOM");
    CHECK(cipher.open(relabelled) == std::nullopt);
  }

  TEST_CASE("pinned: the same key gives this token on every machine") {
    // Computed independently in Python (hmac HKDF, python3-cryptography's
    // AESSIV, urlsafe_b64encode). Changing the derivation or the format
    // breaks existing vaults and shards that must agree.
    CHECK(cipher_for("test-key").token("EMAIL_ADDRESS", "jane@example.com") ==
          "[EMAIL_ADDRESS:enc:qywbTfxqfS9Cj-MGyVrVSCgQlth1OQgTGD8h4CDyGiM]");
  }

  TEST_CASE("deterministic per value, entity, key and segment") {
    TokenCipher k = cipher_for("k");
    CHECK(k.token("E", "v") == cipher_for("k").token("E", "v"));
    CHECK(k.token("E", "v") != k.token("E", "w"));
    CHECK(k.token("E", "v").substr(7) != k.token("F", "v").substr(7));
    CHECK(k.token("E", "v") != cipher_for("k2").token("E", "v"));
    CHECK(k.token("E", "v") != cipher_for("k", "tenant-a").token("E", "v"));
  }

  TEST_CASE("open refuses other keys, relabelled and altered tokens") {
    TokenCipher k = cipher_for("k");
    std::string token = k.token("PERSON", "Ann Lee");
    CHECK_FALSE(cipher_for("k2").open(token).has_value());
    CHECK_FALSE(cipher_for("k", "s").open(token).has_value());
    std::string relabelled = "[LOCATION" + token.substr(7);
    CHECK_FALSE(k.open(relabelled).has_value());
    std::string altered = token;
    altered[altered.size() - 3] =
        altered[altered.size() - 3] == 'A' ? 'B' : 'A';
    CHECK_FALSE(k.open(altered).has_value());
    CHECK_FALSE(k.open("[PERSON_1]").has_value());
  }

  TEST_CASE("parse_encrypt_token accepts only the whole token shape") {
    auto t = parse_encrypt_token("[CREDIT_CARD:enc:AAAAAAAAAAAAAAAAAAAAAA]");
    REQUIRE(t.has_value());
    CHECK(t->entity == "CREDIT_CARD");
    CHECK(t->body == "AAAAAAAAAAAAAAAAAAAAAA");
    CHECK_FALSE(parse_encrypt_token("[CREDIT_CARD:enc:AAAA]")); // < a tag
    CHECK_FALSE(parse_encrypt_token("[:enc:AAAAAAAAAAAAAAAAAAAAAA]"));
    CHECK_FALSE(parse_encrypt_token("[A B:enc:AAAAAAAAAAAAAAAAAAAAAA]"));
    CHECK_FALSE(parse_encrypt_token("[E:enc:AAAAAAAAAAAAAAAAAAAAA=]"));
    CHECK_FALSE(parse_encrypt_token("x[E:enc:AAAAAAAAAAAAAAAAAAAAAA]"));
    CHECK_FALSE(parse_encrypt_token("[E:9f86d081884c7d65]"));
  }

} // TEST_SUITE

} // namespace
} // namespace veil
