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

  TEST_CASE("real-looking secrets are not placeholders") {
    CHECK_FALSE(
        looks_like_placeholder("ghp_R8nq3VbX2kLm9PzT4wYc7HdJ5sFa1Ue6Gi0o"));
    CHECK_FALSE(looks_like_placeholder("AKIA2E0A8F3B244C9986"));
    CHECK_FALSE(looks_like_placeholder("sk-3f9a1c0d5e7b2a4c6d8e0f1a2b3c4d5e"));
  }
}

} // namespace
} // namespace veil
