#include "random_text.hpp"
#include "rules/catalog.hpp"
#include "scanner/byte_superset.hpp"
#include "scanner/finding_pattern.hpp"
#include "scanner/superset_dfa.hpp"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include <random>
#include <string>
#include <vector>

namespace veil {
namespace {

// A DFA of one RE2 pattern's superset.
std::unique_ptr<SupersetDfa> dfa_of(const std::string& re2_pattern) {
  std::optional<std::string> superset =
      byte_superset(re2_pattern, SupersetDfa::k_form);
  REQUIRE_MESSAGE(superset.has_value(), re2_pattern);
  std::vector<std::string> patterns{*superset};
  auto dfa = SupersetDfa::build(patterns);
  REQUIRE_MESSAGE(dfa != nullptr, *superset);
  return dfa;
}

bool may(const SupersetDfa& dfa, std::string_view text) {
  SupersetDfa::Cache cache;
  return dfa.may_match(text, cache);
}

TEST_SUITE("scanner::superset_dfa") {
  TEST_CASE("digit layouts: no where RE2 finds nothing, yes where it finds") {
    auto dfa = dfa_of("\\b\\d{3}-\\d{2}-\\d{4}\\b");
    CHECK(may(*dfa, "SSN 078-05-1120 on file"));
    CHECK(may(*dfa, "078-05-1120"));
    CHECK_FALSE(may(*dfa, "version 1.2.3 and 12-34-5678"));
    CHECK_FALSE(may(*dfa, ""));
    // \b: inside a longer run of digits there is no match
    CHECK_FALSE(may(*dfa, "9078-05-1120"));
    CHECK_FALSE(may(*dfa, "078-05-11209"));
    CHECK_FALSE(may(*dfa, "x078-05-1120"));
  }

  TEST_CASE("anchors: text and line starts and ends") {
    auto text_start = dfa_of("^ab");
    CHECK(may(*text_start, "abc"));
    CHECK_FALSE(may(*text_start, "cab"));
    CHECK_FALSE(may(*text_start, "c\nab"));
    auto line_start = dfa_of("(?m)^ab");
    CHECK(may(*line_start, "c\nab"));
    CHECK(may(*line_start, "ab"));
    CHECK_FALSE(may(*line_start, "cab"));
    auto text_end = dfa_of("ab$");
    CHECK(may(*text_end, "cab"));
    CHECK_FALSE(may(*text_end, "ab\nc"));
    auto line_end = dfa_of("(?m)ab$");
    CHECK(may(*line_end, "ab\nc"));
    CHECK_FALSE(may(*line_end, "abc"));
  }

  TEST_CASE("non-ASCII ranges are read as their UTF-8 bytes") {
    auto tags = dfa_of("[\\x{E0000}-\\x{E007F}]+");
    CHECK(may(*tags, "hi \xF3\xA0\x80\x81 there"));
    CHECK(may(*tags, "\xF3\xA0\x81\xBF"));
    CHECK_FALSE(may(*tags, "caf\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87"));
    CHECK_FALSE(may(*tags, "\xF3\xA0\x82\x80")); // U+E0080
    auto wide = dfa_of("x[\\x{100}-\\x{10FFFF}]");
    CHECK(may(*wide, "x\xC4\x80"));
    CHECK(may(*wide, "x\xF4\x8F\xBF\xBF"));
    CHECK(may(*wide, "x\xE4\xB8\xAD"));
    CHECK_FALSE(may(*wide, "x\xC3\xA9")); // U+00E9
  }

  TEST_CASE("bounded repeats up to k_max_copies are kept") {
    auto dfa = dfa_of("\\b[13][a-z]{25,34}\\b");
    CHECK(may(*dfa, "1" + std::string(25, 'a')));
    CHECK(may(*dfa, "1" + std::string(34, 'a')));
    CHECK_FALSE(may(*dfa, "1" + std::string(24, 'a')));
    CHECK_FALSE(may(*dfa, "1" + std::string(35, 'a')));
  }

  TEST_CASE("patterns are searched together: a text may match if one does") {
    std::vector<std::string> patterns;
    for (const char* re : {"\\bcat\\b", "\\d{4}", "(?m)^#"}) {
      patterns.push_back(*byte_superset(re, SupersetDfa::k_form));
    }
    auto dfa = SupersetDfa::build(patterns);
    REQUIRE(dfa != nullptr);
    std::vector<std::string> texts{
        "a cat", "concatenate", "in 2024", "12 3", "x\n# title", "x # y", ""};
    std::vector<uint8_t> expected{1, 0, 1, 0, 1, 0, 0};
    std::vector<std::string_view> views(texts.begin(), texts.end());
    std::vector<uint8_t> out;
    SupersetDfa::Cache cache;
    dfa->may_match(views, out, cache);
    CHECK(out == expected);
  }

  TEST_CASE("syntax byte_superset() does not write is refused") {
    for (const char* bad :
         {"(a", "a)", "[a", "a{2,1}", "\\d", "(?i)a", "(a)", "a**{"}) {
      std::vector<std::string> patterns{bad};
      CHECK_MESSAGE(SupersetDfa::build(patterns) == nullptr, bad);
    }
  }

  TEST_CASE("a full cache says maybe, then starts again") {
    // A state is the set of distances to the a's of the last 40 bytes.
    std::vector<std::string> patterns;
    for (int k = 1; k <= 40; ++k) {
      patterns.push_back("a[\\x30-\\x39ax]{" + std::to_string(k) + "}b");
    }
    auto dfa = SupersetDfa::build(patterns);
    REQUIRE(dfa != nullptr);
    SupersetDfa::Cache cache;
    std::mt19937 rng(7);
    bool full = false;
    for (int i = 0; i < 2000 && !full; ++i) {
      std::string text;
      for (int k = 0; k < 300; ++k) {
        text += "ax0123456789"[rng() % 12];
      }
      const bool maybe = dfa->may_match(text, cache);
      full = cache.full();
      CHECK(maybe == full); // no text holds a 'b'
    }
    CHECK(full);
    CHECK_FALSE(dfa->may_match("no such text", cache));
    CHECK_FALSE(cache.full());
    CHECK(cache.states() < SupersetDfa::k_max_states);
    CHECK(cache.bytes() <= SupersetDfa::k_max_bytes);
  }

  TEST_CASE("every built-in rule: yes wherever its finding pattern matches") {
    // One DFA per rule and one of every rule whose superset it reads
    // together, over the rule's examples and random texts, and the same
    // texts with bytes of 0x80-0xFF put in (mostly invalid UTF-8); "no"
    // must mean RE2 finds nothing.
    Catalog catalog = load_catalog(CatalogOptions{});
    RE2::Options quiet; // as compiled_rule.cpp compiles rules
    quiet.set_log_errors(false);
    quiet.set_max_mem(64 << 20);
    std::mt19937 rng(11);
    std::vector<std::string> all;
    std::vector<std::unique_ptr<RE2>> regexes;
    size_t rules = 0;
    size_t said_no = 0;
    std::vector<std::string> every_text;
    for (const RuleSpec& spec : catalog.rules) {
      const std::string finding =
          finding_pattern(spec.regex, spec.group).value_or(spec.regex);
      std::optional<std::string> superset =
          byte_superset(finding, SupersetDfa::k_form);
      if (!superset) {
        continue;
      }
      std::vector<std::string> one{*superset};
      auto dfa = SupersetDfa::build(one);
      REQUIRE_MESSAGE(dfa != nullptr, spec.id, ": ", *superset);
      RE2 re(finding, quiet);
      REQUIRE(re.ok());
      SupersetDfa::Cache cache;
      std::vector<std::string> texts = rule_texts(rng, spec);
      for (size_t t = 0, n = texts.size(); t < n; ++t) {
        std::string bad = texts[t];
        for (int k = 0; k < 3 && !bad.empty(); ++k) {
          bad[rng() % bad.size()] = char(0x80 + rng() % 128);
        }
        bad.insert(rng() % (bad.size() + 1), 1, char(0x80 + rng() % 128));
        texts.push_back(bad);
      }
      for (const std::string& text : texts) {
        const bool no = !dfa->may_match(text, cache);
        said_no += no ? 1 : 0;
        CHECK_MESSAGE(!(no && RE2::PartialMatch(text, re)), spec.id, ": ",
                      text);
        every_text.push_back(text);
      }
      all.push_back(*superset);
      regexes.push_back(std::make_unique<RE2>(finding, quiet));
      ++rules;
    }
    CHECK(rules > 350);
    CHECK(said_no > 10000);
    auto together = SupersetDfa::build(all);
    REQUIRE(together != nullptr);
    std::vector<std::string_view> views(every_text.begin(), every_text.end());
    std::vector<uint8_t> out;
    SupersetDfa::Cache cache;
    together->may_match(views, out, cache);
    size_t checked = 0;
    for (size_t i = 0; i < views.size() && checked < 20000; i += 7) {
      if (out[i] == 0) {
        ++checked;
        for (const auto& re : regexes) {
          CHECK_FALSE_MESSAGE(RE2::PartialMatch(views[i], *re), re->pattern(),
                              ": ", views[i]);
        }
      }
    }
  }
}

} // namespace
} // namespace veil
