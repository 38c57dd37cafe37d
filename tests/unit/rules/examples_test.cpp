#include "rules/examples.hpp"

#include <doctest/doctest.h>

#include <ostream>
#include <string>
#include <vector>

namespace veil {
namespace {

RuleSpec rule(std::string id, std::string regex, std::vector<std::string> match,
              std::vector<std::string> no_match) {
  RuleSpec spec;
  spec.id = std::move(id);
  spec.entity = "TEST";
  spec.category = "custom";
  spec.regex = std::move(regex);
  spec.examples_match = std::move(match);
  spec.examples_no_match = std::move(no_match);
  spec.location = SourceLocation{"user.toml", 4, 1};
  return spec;
}

struct FailureView {
  std::string rule;
  std::string location;
  std::string message;
  bool operator==(const FailureView&) const = default;
};

std::ostream& operator<<(std::ostream& os, const std::vector<FailureView>& v) {
  for (const FailureView& f : v) {
    os << "{" << f.rule << " " << f.location << " " << f.message << "} ";
  }
  return os;
}

std::vector<FailureView> failures(const ExampleResults& r) {
  std::vector<FailureView> out;
  for (const ExampleFailure& f : r.failures) {
    out.push_back({f.rule, f.location, f.message});
  }
  return out;
}

using Failures = std::vector<FailureView>;

TEST_SUITE("rules::examples") {

  TEST_CASE("all examples pass: counts only") {
    std::vector<RuleSpec> specs;
    specs.push_back(rule("t.a", "a+", {"xa", "aa"}, {"b"}));
    specs.push_back(rule("t.b", "b", {"b"}, {}));
    RuleSet rules(std::move(specs));
    ExampleResults r = run_examples(rules);
    CHECK(r.rules == 2);
    CHECK(r.examples == 4);
    CHECK(r.failures.empty());
  }

  TEST_CASE("failures name the rule, the examples' location and the position") {
    std::vector<RuleSpec> specs;
    RuleSpec a = rule("t.a", "a+", {"a", "zzz", "a", "qqq"}, {"b", "ha", "x"});
    a.key_positions["examples"] = TextPosition{12, 1};
    specs.push_back(a);
    specs.push_back(rule("t.b", "b", {"b"}, {"bb"}));
    RuleSet rules(std::move(specs));
    ExampleResults r = run_examples(rules);
    CHECK(r.rules == 2);
    CHECK(r.examples == 9);
    CHECK(failures(r) ==
          Failures{{"t.a", "user.toml:12:1", "match example 2 not found"},
                   {"t.a", "user.toml:12:1", "match example 4 not found"},
                   {"t.a", "user.toml:12:1", "no_match example 2 matched"},
                   {"t.b", "user.toml:4:1", "no_match example 1 matched"}});
  }

  TEST_CASE("messages never quote the example") {
    std::vector<RuleSpec> specs;
    specs.push_back(rule("t.key", "sk-[a-z]{8}", {"sk-SECRET12"}, {}));
    RuleSet rules(std::move(specs));
    ExampleResults r = run_examples(rules);
    REQUIRE(r.failures.size() == 1);
    CHECK(r.failures[0].message == "match example 1 not found");
  }

  TEST_CASE("examples go through the prefilter, validator, allow and context") {
    std::vector<RuleSpec> specs;
    RuleSpec kw = rule("t.kw", R"(\d{4})", {"pin 1234", "1234"}, {});
    kw.keywords = {"pin"};
    specs.push_back(kw);
    RuleSpec luhn =
        rule("t.luhn", R"(\d{16})", {"4111111111111111"}, {"4111111111111112"});
    luhn.validator = "luhn";
    specs.push_back(luhn);
    RuleSpec allow = rule("t.allow", R"(\w+@\w+)", {"a@b"}, {"test@b"});
    allow.allow = {"^test@"};
    specs.push_back(allow);
    RuleSpec ctx = rule("t.ctx", R"(\d{3})", {"code 123"}, {"123"});
    ctx.context.words = {"code"};
    ctx.context.required = true;
    specs.push_back(ctx);
    RuleSet rules(std::move(specs));
    CHECK(failures(run_examples(rules)) ==
          Failures{{"t.kw", "user.toml:4:1", "match example 2 not found"}});
  }

  TEST_CASE("direction rules are tested as text of unknown origin") {
    std::vector<RuleSpec> specs;
    RuleSpec in = rule("t.in", "ignore previous", {"ignore previous"}, {});
    in.direction = "input";
    specs.push_back(in);
    RuleSet rules(std::move(specs));
    CHECK(run_examples(rules).failures.empty());
  }

  TEST_CASE("each rule is tested alone: overlaps do not hide examples") {
    std::vector<RuleSpec> specs;
    RuleSpec wide = rule("t.wide", R"(\d+-\d+)", {"12-34"}, {});
    wide.severity = Severity::critical;
    specs.push_back(wide);
    specs.push_back(rule("t.narrow", R"(\d+)", {"12-34"}, {}));
    RuleSet rules(std::move(specs));
    CHECK(run_examples(rules).failures.empty());
  }

  TEST_CASE("no rules, no examples") {
    RuleSet rules({});
    ExampleResults r = run_examples(rules);
    CHECK(r.rules == 0);
    CHECK(r.examples == 0);
    CHECK(r.failures.empty());
  }

} // TEST_SUITE

} // namespace
} // namespace veil
