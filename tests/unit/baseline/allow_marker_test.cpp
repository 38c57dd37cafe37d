#include "baseline/allow_marker.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

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

  TEST_CASE("AllowMarkerLines answers as a fresh look does, positions "
            "rising, falling, on line breaks and past the end") {
    const std::vector<std::string> pieces = {
        "\n", "x", "key ", "veil:allow", "gitleaks:allow", "\n\n"};
    std::mt19937 rng(11);
    size_t marked = 0;
    for (int round = 0; round < 2000; ++round) {
      std::string text;
      for (size_t i = rng() % 12; i > 0; --i) {
        text += pieces[rng() % pieces.size()];
      }
      AllowMarkerLines lines;
      size_t pos = 0;
      for (int query = 0; query < 12; ++query) {
        pos = rng() % 4 == 0 ? rng() % (text.size() + 2) : pos + rng() % 4;
        const bool expected = line_has_allow_marker(text, pos);
        marked += expected ? 1 : 0;
        CHECK(lines.on_line_of(text, pos) == expected);
      }
    }
    CHECK(marked > 100);
  }
}

} // namespace
} // namespace veil
