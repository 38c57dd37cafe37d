#include "actions/style.hpp"

#include <doctest/doctest.h>

namespace veil {
namespace {

TEST_SUITE("actions::style") {

  TEST_CASE("names round-trip") {
    for (Style s : {Style::label, Style::mask, Style::partial, Style::hash,
                    Style::remove, Style::encrypt, Style::none}) {
      CHECK(parse_style(to_string(s)) == s);
    }
    CHECK(style_names() == std::vector<std::string>{"label", "mask", "partial",
                                                    "hash", "remove", "encrypt",
                                                    "none"});
  }

  TEST_CASE("unknown names are rejected") {
    CHECK_FALSE(parse_style("").has_value());
    CHECK_FALSE(parse_style("Label").has_value());
    CHECK_FALSE(parse_style("redact").has_value());
  }

  TEST_CASE("encrypt is a style") {
    CHECK(parse_style("encrypt") == Style::encrypt);
  }

} // TEST_SUITE

} // namespace
} // namespace veil
