#include "scanner/output_canary.hpp"

#include <doctest/doctest.h>

namespace veil {
namespace {

TEST_SUITE("scanner::output_canary") {

  TEST_CASE("every occurrence of every canary, in text order, any case") {
    CanaryFinder finder({"CANARY-7f3a9c", "zebra-lantern-42"});
    std::vector<Span> spans;
    finder.find("a zebra-LANTERN-42 b canary-7F3A9C c CANARY-7f3a9c", spans);
    CHECK(spans == std::vector<Span>{{2, 18}, {21, 34}, {37, 50}});
  }

  TEST_CASE("no canary, no spans; spans already there are kept") {
    CanaryFinder finder({"CANARY-7f3a9c"});
    std::vector<Span> spans = {{1, 2}};
    finder.find("CANARY-7f3a9 is one letter short", spans);
    CHECK(spans == std::vector<Span>{{1, 2}});
    CanaryFinder none({});
    CHECK(none.empty());
    none.find("anything", spans);
    CHECK(spans.size() == 1);
  }

  TEST_CASE("non-ASCII canaries match byte for byte") {
    CanaryFinder finder({"金丝雀-令牌-9"});
    std::vector<Span> spans;
    finder.find("泄露：金丝雀-令牌-9。", spans);
    REQUIRE(spans.size() == 1);
    CHECK(spans[0].end - spans[0].start == std::string("金丝雀-令牌-9").size());
  }
}

} // namespace
} // namespace veil
