#include "scanner/placeholder.hpp"

#include <doctest/doctest.h>

namespace veil {
namespace {

TEST_SUITE("scanner::placeholder") {
  TEST_CASE("templates, markers, runs and documented examples") {
    CHECK(looks_like_placeholder("sk-xxxxxxxxxxxxxxxxxxxx"));
    CHECK(looks_like_placeholder("<YOUR_API_KEY>"));
    CHECK(looks_like_placeholder("${OPENAI_API_KEY}"));
    CHECK(looks_like_placeholder("{{ api_token }}"));
    CHECK(looks_like_placeholder("%s"));
    CHECK(looks_like_placeholder("REDACTED"));
    CHECK(looks_like_placeholder("[API_KEY]"));
    CHECK(looks_like_placeholder("ghp_aaaaaaaaaaaaaaaaaaaaaaaa"));
    CHECK(looks_like_placeholder("AKIAIOSFODNN7EXAMPLE"));
  }

  TEST_CASE("masked and elided values") {
    CHECK(looks_like_placeholder("sk-..."));
    CHECK(looks_like_placeholder("sk-proj-...a1B2"));
    CHECK(looks_like_placeholder("sk-ant-api03-\xE2\x80\xA6"));
    CHECK(looks_like_placeholder("ghp_****************************9fQz"));
    CHECK(looks_like_placeholder("\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2\xE2\x80"
                                 "\xA2wX7q"));
    CHECK(looks_like_placeholder("[FILTERED]"));
  }

  TEST_CASE("variables and format strings") {
    CHECK(looks_like_placeholder("$OPENAI_API_KEY"));
    CHECK(looks_like_placeholder("$token"));
    CHECK(looks_like_placeholder("%(password)s"));
    CHECK(looks_like_placeholder("Bearer <token>"));
    CHECK(looks_like_placeholder("your-api-key-here"));
    CHECK(looks_like_placeholder("replace_me_with_a_real_key"));
  }

  TEST_CASE("runs and typed sequences") {
    CHECK(looks_like_placeholder("sk-000000000000000000000000000000000000"));
    CHECK(looks_like_placeholder("xoxb-abcdefghijklmnop"));
    CHECK(looks_like_placeholder("api_key_1234567890"));
    CHECK(looks_like_placeholder("ZZZZZZZZ"));
  }

  TEST_CASE("vendors' documented example keys") {
    CHECK(looks_like_placeholder("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
    CHECK(looks_like_placeholder("sk_test_4eC39HqLyjWDarjtT1zdp7dc"));
    CHECK(looks_like_placeholder("gho_16C7e42F292c6912E7710c838347Ae178B4a"));
    CHECK(looks_like_placeholder(
        "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy"));
    CHECK(looks_like_placeholder(
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFt"
        "ZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf3"
        "6POk6yJV_adQssw5c"));
  }

  TEST_CASE("real-looking secrets are not placeholders") {
    CHECK_FALSE(
        looks_like_placeholder("ghp_R8nq3VbX2kLm9PzT4wYc7HdJ5sFa1Ue6Gi0o"));
    CHECK_FALSE(looks_like_placeholder("AKIA2E0A8F3B244C9986"));
    CHECK_FALSE(looks_like_placeholder("sk-3f9a1c0d5e7b2a4c6d8e0f1a2b3c4d5e"));
    CHECK_FALSE(
        looks_like_placeholder("sk-ant-api03-gnBdvRtebGkYZZ-"
                               "tlqpefWWZMjS2wQCUyxIeiYo9yq2PuR7hTrTNWTuah_"
                               "TCVOf-6tMu0r3SmwXYvSQZj0XZJ43A35VpYAA"));
    CHECK_FALSE(looks_like_placeholder("Tr0ub4dor&3"));
    CHECK_FALSE(looks_like_placeholder("p@ss<w0rd"));
    CHECK_FALSE(looks_like_placeholder("$2b$12$KIXQJ9zZq5eVq3nF0c1lUu"));
    // A short ascending run inside a random key is chance, not a template.
    CHECK_FALSE(looks_like_placeholder("glpat-abcDEF1234x9QmZk7Lp2"));
  }
}

} // namespace
} // namespace veil
