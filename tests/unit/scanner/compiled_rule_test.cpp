#include "core/errors.hpp"
#include "random_text.hpp"
#include "rule_util.hpp"
#include "rules/catalog.hpp"
#include "scanner/compiled_rule.hpp"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include <algorithm>
#include <random>
#include <string>
#include <tuple>
#include <vector>

namespace veil {
namespace {

using test::make_rule;

// Each match in text[from, to), one after the other as the scanner takes
// them: its span and its group's span.
using Found = std::vector<std::tuple<size_t, size_t, size_t, size_t>>;

template <typename Next>
Found matches_between(const std::string& text, size_t from, size_t to,
                      int group, Next next) {
  re2::StringPiece whole(text);
  std::vector<re2::StringPiece> m(size_t(group) + 1);
  Found out;
  size_t pos = from;
  while (pos <= to && next(whole, pos, to, m.data())) {
    size_t start = m[0].data() - text.data();
    size_t end = start + m[0].size();
    pos = m[0].empty() ? end + 1 : end;
    const re2::StringPiece& g = m[size_t(group)];
    size_t g_start = g.data() == nullptr ? 0 : g.data() - text.data();
    out.emplace_back(start, end, g_start, g_start + g.size());
  }
  return out;
}

RuleSpec located(RuleSpec spec) {
  spec.location = SourceLocation{"user.toml", 3, 1};
  spec.key_positions["regex"] = TextPosition{7, 9};
  spec.key_positions["validator"] = TextPosition{8, 13};
  return spec;
}

TEST_SUITE("scanner::compiled_rule") {

  TEST_CASE("a bad regex names the file, line, column and rule") {
    CHECK_THROWS_AS(CompiledRule(located(make_rule("t.bad", "(abc")), 0),
                    RuleError);
    CHECK_THROWS_WITH(CompiledRule(located(make_rule("t.bad", "(abc")), 0),
                      "user.toml:7:9: rule t.bad: regex: missing ): (abc");
  }

  TEST_CASE("a built-in rule compiles on first use") {
    RuleSpec spec = located(make_rule("t.lazy", "(abc"));
    spec.builtin = true;
    CompiledRule rule(spec, 0); // start-up compiles nothing
    CHECK_THROWS_WITH(rule.regex(),
                      "user.toml:7:9: rule t.lazy: regex: missing ): (abc");
    spec.regex = "a(b)c";
    spec.group = 1;
    CompiledRule good(spec, 0);
    CHECK(good.regex().NumberOfCapturingGroups() == 1);
    CHECK(good.accepts("abc"));
  }

  TEST_CASE("a built-in rule's program size is its regex's, uncompiled") {
    // As a scan loads them: the specs encoded when veil was built.
    Catalog catalog = load_catalog(CatalogOptions{.examples = false});
    size_t rules = 0;
    for (const RuleSpec& spec : catalog.rules) {
      if (!spec.builtin) {
        continue;
      }
      ++rules;
      CompiledRule rule(spec, 0);
      CHECK_MESSAGE(spec.program_size > 0, spec.id);
      CHECK_MESSAGE(rule.program_size() == spec.program_size, spec.id);
      CHECK_FALSE(rule.compiled()); // the gates' question compiled nothing
      CHECK_MESSAGE(rule.regex().ProgramSize() == spec.program_size, spec.id);
    }
    CHECK(rules > 300);
    RuleSpec user = make_rule("t.user", "a+b");
    CompiledRule own(user, 0);
    CHECK(own.program_size() == RE2("a+b").ProgramSize());
  }

  TEST_CASE("a built-in rule's anchors and counts come from its regex "
            "text, without compiling it") {
    RuleSpec spec = located(make_rule("t.shape", "(\\d{4}-\\d{4}"));
    spec.builtin = true;
    CompiledRule bad(spec, 0);
    CHECK_NOTHROW(bad.anchor_need());
    CHECK_NOTHROW(bad.finding_counts());
    CHECK_THROWS_AS(bad.regex(), RuleError); // compiled only now
    spec.regex = "card (\\d{4}-\\d{4})";
    spec.group = 1;
    CompiledRule good(spec, 0);
    CHECK(good.anchor_need().kind == AnchorNeed::Kind::digit);
    CHECK(good.finding_counts().digits == 8);
    CHECK(good.finding_counts().bytes == 14);
  }

  TEST_CASE("a finding holds the digits its required validator asks for") {
    // The regex alone needs four digits; the phone validator accepts none
    // with fewer than seven, so fewer rule the text out.
    RuleSpec spec = make_rule("t.phone", "(\\d{2}[ -]\\d{2,8})");
    spec.group = 1;
    CHECK(CompiledRule(spec, 0).finding_counts().digits == 4);
    spec.validator = "phone";
    CHECK(CompiledRule(spec, 0).finding_counts().digits == 7);
    CHECK(validator_min_digits("phone") == 7);
    // A validator that only scores keeps values it rejects.
    spec.validator_mode = "score";
    CHECK(CompiledRule(spec, 0).finding_counts().digits == 4);
    // The regex's own need stays when it is the larger.
    spec.validator_mode = "require";
    spec.regex = "(\\d{6}[ -]\\d{6})";
    CHECK(CompiledRule(spec, 0).finding_counts().digits == 12);
  }

  TEST_CASE("a bad allow pattern falls back to the rule's location") {
    RuleSpec spec = located(make_rule("t.allow", "x"));
    spec.allow = {"ok", "[z"};
    CHECK_THROWS_WITH(CompiledRule(spec, 0),
                      "user.toml:3:1: rule t.allow: allow: missing ]: [z");
  }

  TEST_CASE("a group past the regex's groups is an error") {
    RuleSpec spec = located(make_rule("t.group", "a(b)"));
    spec.group = 2;
    CHECK_THROWS_WITH(
        CompiledRule(spec, 0),
        "user.toml:3:1: rule t.group: group 2 but the regex has 1");
    spec.group = 1;
    CHECK_NOTHROW(CompiledRule(spec, 0));
  }

  TEST_CASE("an unknown validator is an error") {
    RuleSpec spec = located(make_rule("t.val", "x"));
    spec.validator = "nope";
    CHECK_THROWS_WITH(CompiledRule(spec, 0),
                      "user.toml:8:13: rule t.val: unknown validator \"nope\"");
  }

  TEST_CASE("index, group and spec are kept") {
    RuleSpec spec = make_rule("t.keep", "(a)(b)");
    spec.group = 2;
    CompiledRule rule(spec, 7);
    CHECK(rule.index() == 7);
    CHECK(rule.group() == 2);
    CHECK(rule.spec().id == "t.keep");
    CHECK(rule.regex().NumberOfCapturingGroups() == 2);
  }

  TEST_CASE("applies_to by direction") {
    struct Row {
      const char* direction;
      bool unknown, input, output, system;
    };
    for (const Row& row : {Row{"any", true, true, true, true},
                           Row{"input", true, true, false, false},
                           Row{"output", true, false, true, false}}) {
      CAPTURE(row.direction);
      RuleSpec spec = make_rule("t.dir", "x");
      spec.direction = row.direction;
      CompiledRule rule(spec, 0);
      CHECK(rule.applies_to(Direction::unknown) == row.unknown);
      CHECK(rule.applies_to(Direction::input) == row.input);
      CHECK(rule.applies_to(Direction::output) == row.output);
      CHECK(rule.applies_to(Direction::system) == row.system);
    }
  }

  TEST_CASE("reports_only is the none style") {
    RuleSpec spec = make_rule("t.s", "x");
    CHECK_FALSE(CompiledRule(spec, 0).reports_only());
    spec.style = "mask";
    CHECK_FALSE(CompiledRule(spec, 0).reports_only());
    spec.style = "none";
    CHECK(CompiledRule(spec, 0).reports_only());
  }

  TEST_CASE("accepts applies validator, entropy and allow list") {
    RuleSpec plain = make_rule("t.plain", "x");
    CHECK(CompiledRule(plain, 0).accepts("anything"));
    CHECK(CompiledRule(plain, 0).accepts(""));

    RuleSpec card = make_rule("t.card", "x");
    card.validator = "luhn";
    CompiledRule luhn(card, 0);
    CHECK(luhn.accepts("4111111111111111"));
    CHECK_FALSE(luhn.accepts("4111111111111112"));

    RuleSpec random = make_rule("t.rand", "x");
    random.entropy = 3.0;
    CompiledRule entropy(random, 0);
    CHECK(entropy.accepts("abcdefgh"));       // exactly 3 bits
    CHECK_FALSE(entropy.accepts("abcdefga")); // under 3 bits
    CHECK_FALSE(entropy.accepts(""));

    RuleSpec allowed = make_rule("t.allow", "x");
    allowed.allow = {"(?i)example", "^0+$"};
    CompiledRule allow(allowed, 0);
    CHECK_FALSE(allow.accepts("me@EXAMPLE.org"));
    CHECK_FALSE(allow.accepts("0000"));
    CHECK(allow.accepts("00001"));
  }

  TEST_CASE("validator_mode score keeps a failing value, unverified") {
    RuleSpec spec = make_rule("t.score", "[0-9]+");
    spec.validator = "luhn";
    spec.validator_mode = "score";
    CompiledRule rule(spec, 0);
    CHECK(rule.judge("4111111111111111") == CompiledRule::Verdict::keep);
    CHECK(rule.judge("4111111111111112") ==
          CompiledRule::Verdict::keep_unverified);
    spec.validator_mode = "require";
    CHECK(CompiledRule(spec, 0).judge("4111111111111112") ==
          CompiledRule::Verdict::drop);
  }

  TEST_CASE("a rule's first matches, found without RE2's reverse program, "
            "are RE2's") {
    // A new rule asks its byte superset until it compiles, and takes its
    // first matches from anchored tries, which last longer in short ranges:
    // whole texts and 12-byte ranges are both searched, each compared with
    // RE2's own unanchored search.
    Catalog catalog = load_catalog(CatalogOptions{});
    std::mt19937 rng(5);
    size_t compared = 0;
    for (const RuleSpec& spec : catalog.rules) {
      if (spec.examples_match.empty()) {
        continue;
      }
      CompiledRule rule(spec, 0);
      RE2 re2(spec.regex);
      auto by_rule = [&](re2::StringPiece text, size_t from, size_t to,
                         re2::StringPiece* m) {
        return rule.match(text, from, to, m);
      };
      auto by_re2 = [&](re2::StringPiece text, size_t from, size_t to,
                        re2::StringPiece* m) {
        return re2.Match(text, from, to, RE2::UNANCHORED, m, spec.group + 1);
      };
      std::vector<std::string> texts = rule_texts(rng, spec);
      texts.resize(std::min<size_t>(texts.size(), 40));
      for (const std::string& text : texts) {
        for (size_t from = 0; from <= text.size(); from += 5) {
          size_t to = std::min(text.size(), from + 12);
          Found found = matches_between(text, from, to, spec.group, by_rule);
          CHECK_MESSAGE(found ==
                            matches_between(text, from, to, spec.group, by_re2),
                        spec.id, ": ", text, " from ", from);
          compared += found.size();
        }
        CHECK_MESSAGE(
            matches_between(text, 0, text.size(), spec.group, by_rule) ==
                matches_between(text, 0, text.size(), spec.group, by_re2),
            spec.id, ": ", text);
      }
    }
    CHECK(compared > 1000);
  }

  TEST_CASE("every built-in rule: its byte superset rules out only ranges "
            "where RE2 finds no match of the finding pattern") {
    // A decoy ("in 2019" in a street-address rule) gives no finding, so the
    // superset need not find it.
    Catalog catalog = load_catalog(CatalogOptions{});
    std::mt19937 rng(9);
    size_t ruled_out = 0;
    for (const RuleSpec& spec : catalog.rules) {
      CompiledRule rule(spec, 0);
      RE2 re2(rule.finding_pattern());
      for (const std::string& text : rule_texts(rng, spec)) {
        re2::StringPiece whole(text);
        for (size_t from = 0; from <= text.size(); from += 7) {
          for (size_t to : {std::min(text.size(), from + 16), text.size()}) {
            bool found =
                re2.Match(whole, from, to, RE2::UNANCHORED, nullptr, 0);
            bool out = rule.superset_rules_out(whole, from, to);
            if (found && out) {
              FAIL_CHECK(spec.id, ": ", text, " [", from, ", ", to, ")");
            }
            ruled_out += out ? 1 : 0;
          }
        }
      }
    }
    CHECK(ruled_out > 10000);
  }

  TEST_CASE("a text with only a decoy is ruled out before the rule compiles") {
    // pii.address_us_uk swallows years ("in 2019") in a branch without its
    // group; a superset of the whole regex let every such text compile it.
    Catalog catalog = load_catalog(CatalogOptions{});
    const auto spec = std::find_if(
        catalog.rules.begin(), catalog.rules.end(),
        [](const RuleSpec& r) { return r.id == "pii.address_us_uk"; });
    REQUIRE(spec != catalog.rules.end());
    CompiledRule rule(*spec, 0);
    const std::string decoy = "She moved there in 2019 with her family.";
    CHECK(RE2::PartialMatch(decoy, RE2(spec->regex)));
    CHECK(rule.superset_rules_out(re2::StringPiece(decoy), 0, decoy.size()));
    re2::StringPiece groups[CompiledRule::k_max_group + 1];
    CHECK_FALSE(rule.match(re2::StringPiece(decoy), 0, decoy.size(), groups));
    CHECK_FALSE(rule.compiled());
    const std::string address = "Send it to 221B Baker Street, London NW1 6XE.";
    CHECK_FALSE(
        rule.superset_rules_out(re2::StringPiece(address), 0, address.size()));
  }

  TEST_CASE("a superset whose branches share a non-ASCII prefix") {
    // RE2's Latin-1 mode seeks a factored prefix of non-ASCII bytes by
    // their UTF-8 encoding; the superset must find it all the same.
    RuleSpec spec = make_rule("t.marks", "(?:\\x{202A}|\\x{202E})\\p{L}\\p{L}");
    spec.builtin = true;
    CompiledRule rule(spec, 0);
    std::string text = "a\xE2\x80\xAA"
                       "bc";
    re2::StringPiece whole(text);
    CHECK_FALSE(rule.superset_rules_out(whole, 0, text.size()));
    CHECK(rule.superset_rules_out(whole, 4, text.size()));
    re2::StringPiece groups[1];
    CHECK(rule.match(whole, 0, text.size(), groups));
    CHECK(groups[0] == re2::StringPiece(text).substr(1));
  }

} // TEST_SUITE

} // namespace
} // namespace veil
