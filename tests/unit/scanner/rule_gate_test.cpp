#include "random_text.hpp"
#include "rule_util.hpp"
#include "rules/catalog.hpp"
#include "scanner/rule_set.hpp"
#include "scanner/scanner.hpp"

#include <doctest/doctest.h>

#include <random>
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

  TEST_CASE("injection phrases have a gate of their own, for long texts") {
    std::vector<RuleSpec> specs;
    specs.push_back(test::make_rule("t.digits", "\\b\\d{4}-\\d{4}\\b"));
    specs.push_back(test::make_rule("t.ignore", "(?i)ignore (?:all )?rules"));
    specs.back().category = "injection";
    specs.back().keywords = {"ignore"};
    specs.push_back(test::make_rule("t.forget", "(?i)forget (?:your )?rules"));
    specs.back().category = "injection";
    specs.back().keywords = {"forget"};
    RuleSet rules(specs);
    const RuleGate& frequent = rules.gate(RuleGate::Kind::frequent);
    const RuleGate& phrases = rules.gate(RuleGate::Kind::phrases);
    CHECK(frequent.of_kind(0));
    CHECK_FALSE(frequent.of_kind(1));
    CHECK_FALSE(phrases.of_kind(0));
    CHECK(phrases.of_kind(1));
    CHECK(phrases.of_kind(2));
    CHECK(rules.gate_of(1, Direction::input) == int(RuleGate::Kind::phrases));
    // A pass pays with two frequent rules to spare, or four phrase rules in
    // a text of 1 KB or more.
    CHECK(frequent.worth(2, 10));
    CHECK_FALSE(frequent.worth(1, 100000));
    CHECK(phrases.worth(4, 1024));
    CHECK_FALSE(phrases.worth(3, 100000));
    CHECK_FALSE(phrases.worth(40, 1023));
    // Not built until wanted after the warm-up.
    CHECK_FALSE(phrases.ready(RuleGate::k_warm_bytes, false));
    CHECK_FALSE(phrases.ready(0, false));
    CHECK(phrases.ready(0, true));
    RuleGate::Scratch scratch;
    phrases.begin(scratch);
    const std::string text = std::string(2000, ' ') + "please forget rules";
    CHECK_FALSE(phrases.may_match(text, 1, scratch));
    CHECK(phrases.may_match(text, 2, scratch));
  }

  TEST_CASE("built-in injection rules: the same matches in a long text "
            "with the phrase gate as without") {
    Catalog catalog = load_catalog(CatalogOptions{});
    std::string text;
    for (const RuleSpec& spec : catalog.rules) {
      if (spec.category == "injection") {
        for (const std::string& example : spec.examples_match) {
          text += example + "\n\n";
        }
      }
    }
    RuleSet plain(catalog.rules);
    RuleSet gated(catalog.rules);
    gated.build_gates();
    Record record = test::make_record({test::make_field(text)});
    Scanner whole(plain);
    Scanner asked(gated);
    size_t phrases = 0;
    size_t matches = 0;
    for (const auto& rule : gated.rules()) {
      if (rule->spec().category != "injection") {
        continue;
      }
      phrases += gated.gate(RuleGate::Kind::phrases).gated(rule->index());
      std::vector<Match> expected;
      std::vector<Match> found;
      whole.find(*plain.rules()[rule->index()], record, 0, expected);
      asked.find_if_selected(*rule, record, 0, found);
      CHECK_MESSAGE(test::views(found) == test::views(expected),
                    rule->spec().id);
      matches += found.size();
    }
    CHECK(phrases > 30);
    CHECK(matches > 100);
  }

  TEST_CASE("the frequent gate's screen passes every text its set matches") {
    Catalog catalog = load_catalog(CatalogOptions{});
    RuleSet rules(catalog.rules);
    rules.build_gates();
    const RuleGate& gate = rules.gate();
    REQUIRE(gate.screened());
    CHECK_FALSE(rules.gate(RuleGate::Kind::phrases).screened());
    std::mt19937 rng(5);
    std::vector<std::string> texts;
    for (const auto& rule : rules.rules()) {
      if (gate.gated(rule->index())) {
        std::vector<std::string> more = rule_texts(rng, rule->spec());
        texts.insert(texts.end(), more.begin(), more.end());
      }
    }
    texts.push_back(std::string("bad \xff\xfe UTF-8 +44 20 7946 0958"));
    std::vector<std::string_view> views(texts.begin(), texts.end());
    RuleGate::Scratch scratch;
    gate.screen(views, scratch);
    size_t matched = 0;
    size_t screened_out = 0;
    std::vector<int> hits;
    for (size_t i = 0; i < views.size(); ++i) {
      const bool decided = gate.run(views[i], hits);
      const bool match = !decided || !hits.empty();
      matched += match ? 1 : 0;
      screened_out += scratch.maybe[i] == 0 ? 1 : 0;
      CHECK_MESSAGE(!(match && scratch.maybe[i] == 0), views[i]);
    }
    CHECK(matched > 500);
    CHECK(screened_out > 300);
  }

  TEST_CASE("built-in rules: the same findings with the gate as without") {
    Catalog catalog = load_catalog(CatalogOptions{});
    RuleSet plain(catalog.rules);
    RuleSet gated(catalog.rules);
    gated.build_gates();
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
