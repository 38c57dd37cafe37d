#include "core/errors.hpp"
#include "rule_util.hpp"
#include "scanner/rule_set.hpp"

#include <doctest/doctest.h>

namespace veil {
namespace {

using test::make_rule;

TEST_SUITE("scanner::rule_set") {

  TEST_CASE("rules keep their order and get their index") {
    std::vector<RuleSpec> specs;
    specs.push_back(make_rule("a.one", "1"));
    specs.push_back(make_rule("a.two", "2"));
    specs.back().keywords = {"TWO"};
    specs.push_back(make_rule("a.three", "3"));
    RuleSet rules(std::move(specs));
    REQUIRE(rules.rules().size() == 3);
    for (size_t i = 0; i < 3; ++i) {
      CHECK(rules.rules()[i]->index() == i);
    }
    CHECK(rules.rules()[1]->spec().id == "a.two");
    std::vector<uint8_t> out;
    rules.prefilter().candidates("nothing", out);
    CHECK(out == std::vector<uint8_t>{1, 0, 1});
    rules.prefilter().candidates("two", out);
    CHECK(out == std::vector<uint8_t>{1, 1, 1});
  }

  TEST_CASE("a rule that does not compile fails the whole set") {
    std::vector<RuleSpec> specs;
    specs.push_back(make_rule("a.good", "x"));
    specs.push_back(make_rule("a.bad", "x{2,1}"));
    CHECK_THROWS_AS(RuleSet(std::move(specs)), RuleError);
  }

  TEST_CASE("an empty set") {
    RuleSet rules({});
    CHECK(rules.rules().empty());
  }

} // TEST_SUITE

} // namespace
} // namespace veil
