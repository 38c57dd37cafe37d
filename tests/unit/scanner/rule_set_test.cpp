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
    specs.push_back(make_rule("a.one", "a"));
    specs.push_back(make_rule("a.two", "b"));
    specs.back().keywords = {"TWO"};
    specs.push_back(make_rule("a.three", "c"));
    RuleSet rules(std::move(specs));
    REQUIRE(rules.rules().size() == 3);
    for (size_t i = 0; i < 3; ++i) {
      CHECK(rules.rules()[i]->index() == i);
    }
    CHECK(rules.rules()[1]->spec().id == "a.two");
    auto candidates = [&rules](std::string_view text) {
      CandidateFilter::Scratch scratch;
      std::vector<CandidateFilter::Candidate> out;
      rules.candidate_filter().candidates({text, {}, {}}, scratch, out);
      std::vector<uint32_t> ids;
      for (const CandidateFilter::Candidate& c : out) {
        ids.push_back(c.rule);
      }
      return ids;
    };
    CHECK(candidates("nothing") == std::vector<uint32_t>{0, 2});
    CHECK(candidates("two") == std::vector<uint32_t>{0, 1, 2});
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
