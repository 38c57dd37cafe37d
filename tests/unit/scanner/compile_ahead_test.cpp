#include "core/errors.hpp"
#include "rule_util.hpp"
#include "scanner/compile_ahead.hpp"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

namespace veil {
namespace {

using test::make_rule;

std::unique_ptr<CompiledRule> lazy_rule(std::string id, std::string regex) {
  RuleSpec spec = make_rule(std::move(id), std::move(regex));
  spec.builtin = true; // compiles on first use
  return std::make_unique<CompiledRule>(spec, 0);
}

TEST_SUITE("scanner::compile_ahead") {

  TEST_CASE("compiles every rule, on two threads") {
    std::vector<std::unique_ptr<CompiledRule>> owned;
    std::vector<const CompiledRule*> rules;
    for (int i = 0; i < 12; ++i) {
      owned.push_back(lazy_rule("t." + std::to_string(i),
                                "\\p{L}+[0-9]{" + std::to_string(i) + "}"));
      rules.push_back(owned.back().get());
    }
    CHECK_FALSE(rules[0]->compiled());
    compile_ahead(rules);
    for (const CompiledRule* rule : rules) {
      CHECK(rule->compiled());
    }
    compile_ahead(rules); // nothing left to do
  }

  TEST_CASE("one rule left compiles at its first use") {
    auto rule = lazy_rule("t.one", "abc");
    compile_ahead({rule.get()});
    CHECK_FALSE(rule->compiled());
  }

  TEST_CASE("a regex that does not compile throws at the rule's next use") {
    auto good = lazy_rule("t.good", "a+b");
    auto bad = lazy_rule("t.bad", "(abc");
    CHECK_NOTHROW(compile_ahead({good.get(), bad.get()}));
    CHECK(good->compiled());
    CHECK_FALSE(bad->compiled());
    CHECK_THROWS_AS((void)bad->regex(), RuleError);
  }

} // TEST_SUITE

} // namespace
} // namespace veil
