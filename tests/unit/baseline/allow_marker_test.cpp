#include "baseline/allow_marker.hpp"

#include <doctest/doctest.h>

namespace veil {
namespace {

TEST_SUITE("baseline::allow_marker") {
  TEST_CASE("the three markers are recognised") {
    CHECK(has_allow_marker("key = x # veil:allow"));
    CHECK(has_allow_marker("key = x // gitleaks:allow"));
    CHECK(has_allow_marker("key = x  # pragma: allowlist secret"));
    CHECK_FALSE(has_allow_marker("key = x # veil: allow"));
    CHECK_FALSE(has_allow_marker("key = x # VEIL:ALLOW"));
  }

  TEST_CASE("only the line of the match counts") {
    const std::string_view text = "a=KEY1\nb=KEY2 # veil:allow\nc=KEY3";
    CHECK_FALSE(line_has_allow_marker(text, 2));
    CHECK(line_has_allow_marker(text, 9));
    CHECK(line_has_allow_marker(text, 7)); // first byte of the line
    CHECK_FALSE(line_has_allow_marker(text, text.size() - 1));
    CHECK_FALSE(line_has_allow_marker(text, text.size() + 5));
  }

  TEST_CASE("a single-line value is its own line") {
    CHECK(line_has_allow_marker("token sk-123 veil:allow", 6));
    CHECK(line_has_allow_marker("veil:allow token sk-123", 17));
  }
}

} // namespace
} // namespace veil
