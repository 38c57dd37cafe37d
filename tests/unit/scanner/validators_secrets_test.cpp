// The secrets group of validators: vendor checksums (GitHub/npm base62
// CRC32, Cloudflare hex CRC32), JWT structure, PEM bodies and AWS key ids.
// Tokens here were generated with the vendors' published schemes from
// random bodies; none is a real credential.
#include "scanner/validators.hpp"

#include <doctest/doctest.h>

#include <string>

namespace veil {
namespace {

bool check(std::string_view name, std::string_view text) {
  ValidatorFn fn = find_validator(name);
  REQUIRE(static_cast<bool>(fn != nullptr));
  return fn(text);
}

TEST_SUITE("scanner::validators_secrets") {
  TEST_CASE("every secret validator is registered") {
    for (std::string_view name : {"crc32_base62", "crc32_hex8", "jwt", "pem",
                                  "aws_key_id", "basic_auth"}) {
      CHECK(static_cast<bool>(find_validator(name) != nullptr));
    }
  }

  TEST_CASE("crc32_base62 accepts GitHub and npm tokens with a good checksum") {
    CHECK(check("crc32_base62", "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"));
    CHECK(check("crc32_base62", "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"));
    CHECK(check("crc32_base62", "ghu_ZcUDIh7yfJs1ON43xKmTecQoXsf2o33T424s"));
    CHECK(check("crc32_base62", "ghs_gyrDO1xkxwnQrS7RPeMOkIUpkDyr7O4ZFCxw"));
    CHECK(check("crc32_base62", "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"));
    CHECK(check("crc32_base62", "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"));
  }

  TEST_CASE("crc32_base62 rejects edited, short and odd tokens") {
    // One character of the body changed.
    CHECK_FALSE(
        check("crc32_base62", "ghp_OhbVrpoiVgRV5IfLBcbfnoGMbJmTPT2gjNut"));
    // Checksum case flipped: base62 is case-sensitive.
    CHECK_FALSE(
        check("crc32_base62", "ghp_OhbVrpoiVgRV5IfLBcbfnoGMbJmTPS2GJnUT"));
    CHECK_FALSE(
        check("crc32_base62", "ghp_OhbVrpoiVgRV5IfLBcbfnoGMbJmTPS2gjNu"));
    CHECK_FALSE(
        check("crc32_base62", "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"));
    CHECK_FALSE(check("crc32_base62", "OhbVrpoiVgRV5IfLBcbfnoGMbJmTPS2gjNut"));
    CHECK_FALSE(
        check("crc32_base62", "ghp_OhbVrpoiVgRV5IfLBcbfnoGMbJmTP-2gjNut"));
  }

  TEST_CASE("crc32_hex8 accepts Cloudflare scannable credentials") {
    CHECK(check("crc32_hex8",
                "cfk_RBMeyyMDHqJ38aRUhR4IWrXPvhsBkDa9U4UqGWlGfd6db0d4"));
    CHECK(check("crc32_hex8",
                "cfut_6g3Ot1OGMmjxWkI9X7H6aMuFbh7x41Ztpdp4K8ff8376bb16"));
    CHECK(check("crc32_hex8",
                "cfat_UF0eWIXiiQE8JkqH3MB9n7IWUSmTtzQPxC5HChpo621317c0"));
    // Hex digits in either case.
    CHECK(check("crc32_hex8",
                "cfat_UF0eWIXiiQE8JkqH3MB9n7IWUSmTtzQPxC5HChpo621317C0"));
  }

  TEST_CASE("crc32_hex8 rejects bad checksums and shapes") {
    CHECK_FALSE(check("crc32_hex8",
                      "cfk_RBMeyyMDHqJ38aRUhR4IWrXPvhsBkDa9U4UqGWlGfd6db0d5"));
    CHECK_FALSE(check("crc32_hex8",
                      "cfk_RBMeyyMDHqJ38aRUhR4IWrXPvhsBkDa9U4UqGWlGfd6db0dz"));
    CHECK_FALSE(check("crc32_hex8",
                      "cfk_RBMeyyMDHqJ38aRUhR4IWrXPvhsBkDa9U4UqGWlGfd6db0d"));
    CHECK_FALSE(check("crc32_hex8", "cfk_"));
  }

  TEST_CASE("jwt needs three base64url parts and a JSON header with alg") {
    CHECK(check(
        "jwt", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIi"
               "wibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF"
               "2QT4fwpMeJf36POk6yJV_adQssw5c"));
    // alg none, empty signature
    CHECK(check("jwt", "eyJhbGciOiJub25lIn0.eyJ1c2VyIjoiYWRtaW4ifQ."));
    // Header without alg: {"typ":"JWT"}
    CHECK_FALSE(check("jwt", "eyJ0eXAiOiJKV1QifQ.eyJ1c2VyIjoiYWRtaW4ifQ.c2ln"));
    // Header that is not JSON
    CHECK_FALSE(check("jwt", "eyJhbGciOiJIUzI1.eyJ1c2VyIjoiYWRtaW4ifQ.c2ln"));
    // Two parts, four parts, a character outside base64url
    CHECK_FALSE(check("jwt", "eyJhbGciOiJub25lIn0.eyJ1c2VyIjoiYWRtaW4ifQ"));
    CHECK_FALSE(check("jwt", "eyJhbGciOiJub25lIn0.eyJ1c2VyIjoiYWRtaW4ifQ.a.b"));
    CHECK_FALSE(
        check("jwt", "eyJhbGciOiJub25lIn0.eyJ1c2VyIjoiYWRtaW4ifQ.ab+c"));
  }

  TEST_CASE("pem decodes the body of a private key block") {
    CHECK(check(
        "pem",
        "-----BEGIN PRIVATE KEY-----\n"
        "MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF\n"
        "-----END PRIVATE KEY-----"));
    // Escaped newlines, as in a JSON value printed raw into a log.
    CHECK(check(
        "pem",
        "-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAABG5v"
        "bmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\\n-----END OPENSSH "
        "PRIVATE KEY-----"));
    // Encrypted legacy PEM with header lines.
    CHECK(check(
        "pem",
        "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
        "DEK-Info: AES-128-CBC,4F3D2A1B5C6E7F80\n\n"
        "kT0mNq3vY8xZ2pL5wR7sU1aD4fG6hJ9kL2zX5cV8bN1mQ3wE6rT9yU2iO5pA8sD1\n"
        "-----END RSA PRIVATE KEY-----"));
    // Truncated: no END line.
    CHECK(check("pem",
                "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFA"
                "ASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKjMzEfYyjiWA4R4"));
  }

  TEST_CASE("pem rejects blocks without a base64 body") {
    CHECK_FALSE(check("pem", "-----BEGIN OPENSSH PRIVATE KEY-----"));
    CHECK_FALSE(check("pem", "-----BEGIN PRIVATE KEY-----\n<paste your key "
                             "here>\n-----END PRIVATE KEY-----"));
    CHECK_FALSE(check("pem", "-----BEGIN PRIVATE KEY-----\n...\n-----END "
                             "PRIVATE KEY-----"));
    CHECK_FALSE(check("pem", "no block at all"));
  }

  TEST_CASE("basic_auth wants base64 of printable user:password") {
    CHECK(check("basic_auth", "YWRtaW46aHVudGVyMg=="));     // admin:hunter2
    CHECK(check("basic_auth", "Y2ktYm90OmdocF9hYmMxMjM=")); // ci-bot:ghp_abc123
    CHECK(check("basic_auth", "OnRva2Vu"));                 // :token
    CHECK_FALSE(check("basic_auth", "dW5kZXJzdGFuZGluZw==")); // understanding
    CHECK_FALSE(check("basic_auth", "understanding"));
    CHECK_FALSE(check("basic_auth", "AAECAwQFBgc6CAkK")); // control bytes
  }

  TEST_CASE("aws_key_id checks the type prefix and the base32 body") {
    CHECK(check("aws_key_id", "AKIAAPFQINVLC52TLANX"));
    CHECK(check("aws_key_id", "ASIA24T5AVRVL74OJJB6"));
    CHECK(check("aws_key_id", "AROAZ3K7QW2MNB4LXE6T"));
    CHECK_FALSE(check("aws_key_id", "AKIA0000111188889999")); // 0,1,8,9
    CHECK_FALSE(check("aws_key_id", "AXYZAPFQINVLC52TLANX")); // unknown type
    CHECK_FALSE(check("aws_key_id", "AKIAAPFQINVLC52TLAN"));  // 19 characters
    CHECK_FALSE(check("aws_key_id", "akiaapfqinvlc52tlanx"));
  }
}

} // namespace
} // namespace veil
