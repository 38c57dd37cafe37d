#include "actions/mask.hpp"

#include <doctest/doctest.h>

namespace veil {
namespace {

TEST_SUITE("actions::mask") {

  TEST_CASE("masked_preview: an email keeps its first character and domain") {
    CHECK(masked_preview("pii", "EMAIL_ADDRESS", "jane.doe@example.com") ==
          "j***@example.com");
    CHECK(masked_preview("pii", "EMAIL_ADDRESS", "\xC3\xA9lise@x.fr") ==
          "\xC3\xA9***@x.fr");
    // The last "@" separates the domain.
    CHECK(masked_preview("pii", "EMAIL_ADDRESS", "a@b@c.io") == "a***@c.io");
    // Not an address after all: the generic forms apply.
    CHECK(masked_preview("pii", "EMAIL_ADDRESS", "not-an-email") == "n***l");
    CHECK(masked_preview("pii", "EMAIL_ADDRESS", "@x.com") == "****@x.com");
    // A short local part would be given away by its first letter.
    CHECK(masked_preview("pii", "EMAIL_ADDRESS", "jo@x.com") == "****@x.com");
    CHECK(masked_preview("pii", "EMAIL_ADDRESS", "joe@x.com") == "j***@x.com");
  }

  TEST_CASE("masked_preview: a long secret keeps its first 4 bytes") {
    CHECK(masked_preview("secret", "OPENAI_API_KEY",
                         "sk-proj-abcdefghijklmnop") == "sk-p****");
    CHECK(masked_preview("secret", "X", "0123456789abcdef") == "0123****");
    // Never cut inside a UTF-8 sequence: "abc" then "é" at bytes 3-4.
    CHECK(masked_preview("secret", "X",
                         "abc\xC3\xA9"
                         "defghijklmnopq") == "abc****");
    // 15 characters is not long enough for the secret form.
    CHECK(masked_preview("secret", "X", "0123456789abcde") == "0***e");
  }

  TEST_CASE("masked_preview: other values show first and last character") {
    CHECK(masked_preview("pii", "CREDIT_CARD", "4111111111111111") == "4***1");
    CHECK(masked_preview("pii", "X", "12345678") == "1***8");
    CHECK(masked_preview("pii", "X",
                         "\xC3\xA9"
                         "bcdefgh") == "\xC3\xA9***h");
    // A multi-byte last character is not shown.
    CHECK(masked_preview("pii", "X", "abcdefg\xC3\xA9") == "****");
  }

  TEST_CASE("masked_preview: short values are fully masked") {
    CHECK(masked_preview("pii", "X", "1234567") == "****");
    CHECK(masked_preview("pii", "X", "") == "****");
    CHECK(masked_preview("secret", "X", "hunter2") == "****");
    // Six bytes but three code points: counted in characters.
    CHECK(masked_preview("pii", "X", "\xC3\xA9\xC3\xA9\xC3\xA9") == "****");
  }

  TEST_CASE("mask_all: one star per code point") {
    CHECK(mask_all("abc") == "***");
    CHECK(mask_all("") == "");
    CHECK(mask_all("\xC3\xA9\xF0\x9F\x98\x80z") == "***");
    CHECK(mask_all("jane@x.com") == "**********");
  }

  TEST_CASE("mask_partial: an email keeps its domain") {
    CHECK(mask_partial("EMAIL_ADDRESS", "jane@example.com") ==
          "****@example.com");
    CHECK(mask_partial("EMAIL_ADDRESS", "a@b@c.io") == "****@c.io");
  }

  TEST_CASE("mask_partial: long numbers keep the last 4 and separators") {
    CHECK(mask_partial("CREDIT_CARD", "4111 1111 1111 1111") ==
          "**** **** **** 1111");
    CHECK(mask_partial("CREDIT_CARD", "4111-1111-1111-1234") ==
          "****-****-****-1234");
    CHECK(mask_partial("CREDIT_CARD", "4111111111111111") ==
          "************1111");
    CHECK(mask_partial("IBAN_CODE", "DE89 3704 0044 0532 0130 00") ==
          "**** **** **** **** **30 00");
    CHECK(mask_partial("PHONE_NUMBER", "+1 (555) 123-4567") ==
          "+* (***) ***-4567");
    CHECK(mask_partial("X", "1234567890") == "******7890");
    // A non-ASCII character is masked as one star.
    CHECK(mask_partial("X", "1234567890\xC3\xA9") == "******7890*");
  }

  TEST_CASE("mask_partial: fewer than 10 letters/digits are fully masked") {
    CHECK(mask_partial("US_SSN", "123-45-678") == "**********");
    CHECK(mask_partial("X", "123456789") == "*********");
    CHECK(mask_partial("X", "") == "");
    CHECK(mask_partial("EMAIL_ADDRESS", "no-at-sign") == "**********");
  }

  TEST_CASE("normalize_value") {
    CHECK(normalize_value("CREDIT_CARD", "4111-1111 1111.1111") ==
          "4111111111111111");
    CHECK(normalize_value("IBAN_CODE", "de89 3704") == "DE893704");
    CHECK(normalize_value("PHONE_NUMBER", "+1 (555) 123-4567") ==
          "15551234567");
    CHECK(normalize_value("US_SSN", "123-45-6789") == "123456789");
    CHECK(normalize_value("EMAIL_ADDRESS", "Jane@Example.COM") ==
          "jane@example.com");
    CHECK(normalize_value("OPENAI_API_KEY", "sk-AbC") == "sk-AbC");
    CHECK(normalize_value("PERSON", " Jane ") == " Jane ");
  }

} // TEST_SUITE

} // namespace
} // namespace veil
