#include "actions/style.hpp"

#include <doctest/doctest.h>

namespace veil {
namespace {

TEST_SUITE("actions::style") {

  TEST_CASE("names round-trip") {
    for (Style s : {Style::label, Style::mask, Style::partial, Style::hash,
                    Style::remove, Style::none}) {
      CHECK(parse_style(to_string(s)) == s);
    }
    CHECK(style_names() == std::vector<std::string>{"label", "mask", "partial",
                                                    "hash", "remove", "none"});
  }

  TEST_CASE("unknown names are rejected") {
    CHECK_FALSE(parse_style("").has_value());
    CHECK_FALSE(parse_style("Label").has_value());
    CHECK_FALSE(parse_style("redact").has_value());
  }

  TEST_CASE("every style a rule file may name is known" * doctest::skip()) {
    // BUG: rules/toml_loader.cpp accepts style = "encrypt" (DESIGN.md lists
    // it), but parse_style does not know it, so FindingBuilder::style_for
    // silently falls back to label for such a rule.
    CHECK(parse_style("encrypt").has_value());
  }

} // TEST_SUITE

} // namespace
} // namespace veil
