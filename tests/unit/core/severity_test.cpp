#include "core/severity.hpp"

#include <doctest/doctest.h>

namespace veil {
namespace {

TEST_SUITE("core::severity") {

  TEST_CASE("names round-trip and order matches --fail-on") {
    for (Severity s : {Severity::info, Severity::low, Severity::medium,
                       Severity::high, Severity::critical}) {
      CHECK(parse_severity(to_string(s)) == s);
    }
    CHECK(to_string(Severity::critical) == "critical");
    CHECK(Severity::info < Severity::low);
    CHECK(Severity::high < Severity::critical);
  }

  TEST_CASE("unknown or differently spelt names are rejected") {
    CHECK_FALSE(parse_severity("HIGH").has_value());
    CHECK_FALSE(parse_severity("").has_value());
    CHECK_FALSE(parse_severity("severe").has_value());
  }

} // TEST_SUITE

} // namespace
} // namespace veil
