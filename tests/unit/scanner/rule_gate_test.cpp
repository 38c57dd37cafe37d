#include "rule_util.hpp"
#include "rules/catalog.hpp"
#include "scanner/rule_set.hpp"
#include "scanner/scanner.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace veil {
namespace {

TEST_SUITE("scanner::rule_gate") {
  TEST_CASE("frequent rules are gated, others are not") {
    std::vector<RuleSpec> specs;
    specs.push_back(test::make_rule("t.digits", "\\b\\d{4}-\\d{4}\\b"));
    specs.push_back(
        test::make_rule("t.colon", "[0-9a-f]{2}(?::[0-9a-f]{2}){5}"));
    specs.back().keywords = {":"};
    specs.push_back(test::make_rule("t.keyword", "ghp_[a-z]{4}"));
    specs.back().keywords = {"ghp_"};
    specs.push_back(test::make_rule("t.context", "\\b\\d{6}\\b"));
    specs.back().context.required = true;
    specs.back().context.words = {"pin"};
    RuleSet rules(specs);
    const RuleGate& gate = rules.gate();
    CHECK_FALSE(gate.ready(10)); // not warm yet
    gate.build_now();
    CHECK(gate.ready(0));
    CHECK(gate.gated(0));
    CHECK(gate.gated(1));
    CHECK_FALSE(gate.gated(2));
    CHECK_FALSE(gate.gated(3));
    RuleGate::Scratch scratch;
    gate.begin(scratch);
    CHECK(gate.may_match("call 1234-5678", 0, scratch));
    CHECK_FALSE(gate.may_match("call 1234-5678", 1, scratch));
    gate.begin(scratch);
    CHECK_FALSE(gate.may_match("nothing here", 0, scratch));
    gate.begin(scratch);
    CHECK(gate.may_match("mac 00:1a:2b:3c:4d:5e", 1, scratch));
  }

  TEST_CASE("a text whose only matches are decoys does not run the rule") {
    std::vector<RuleSpec> specs;
    specs.push_back(test::make_rule(
        "t.itin", R"(\b(?:\d+(?:-\d+){3,}|(9\d{2}-\d{2}-\d{4}))\b)"));
    specs.back().group = 1;
    RuleSet rules(specs);
    const RuleGate& gate = rules.gate();
    gate.build_now();
    REQUIRE(gate.gated(0));
    RuleGate::Scratch scratch;
    gate.begin(scratch);
    CHECK_FALSE(gate.may_match("build 1-22-333-4444", 0, scratch));
    gate.begin(scratch);
    CHECK(gate.may_match("itin 912-34-5678", 0, scratch));
  }

  TEST_CASE("an earlier run() loaded into the scratch answers as may_match()") {
    std::vector<RuleSpec> specs;
    specs.push_back(test::make_rule("t.digits", "\\b\\d{4}-\\d{4}\\b"));
    specs.push_back(test::make_rule("t.hex", "\\b[0-9a-f]{8}\\b"));
    RuleSet rules(specs);
    const RuleGate& gate = rules.gate();
    gate.build_now();
    for (std::string_view text :
         {"call 1234-5678", "id deadbeef", "1234-5678 deadbeef", "none"}) {
      CAPTURE(text);
      RuleGate::Scratch lazy;
      RuleGate::Scratch loaded;
      gate.begin(lazy);
      gate.begin(loaded);
      std::vector<int> hits;
      bool decided = gate.run(text, hits);
      CHECK(decided);
      gate.load(loaded, hits, decided);
      for (size_t rule = 0; rule < 2; ++rule) {
        CHECK(gate.may_match(text, rule, loaded) ==
              gate.may_match(text, rule, lazy));
      }
      gate.begin(loaded); // clears what load() marked
      CHECK(loaded.hits.empty());
    }
  }

  TEST_CASE("built-in rules: the same findings with the gate as without") {
    Catalog catalog = load_catalog(CatalogOptions{});
    RuleSet plain(catalog.rules);
    RuleSet gated(catalog.rules);
    gated.gate().build_now();
    Record record = test::make_record(test::example_fields(catalog.rules));
    record.model_hint = "gpt-4o";
    std::vector<Match> a;
    std::vector<Match> b;
    Scanner(plain).scan(record, a);
    Scanner(gated).scan(record, b);
    CHECK(test::views(a) == test::views(b));
    CHECK(a.size() > 1000);
  }
}

} // namespace
} // namespace veil
