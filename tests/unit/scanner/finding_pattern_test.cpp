#include "random_text.hpp"
#include "rules/catalog.hpp"
#include "scanner/compiled_rule.hpp"
#include "scanner/finding_pattern.hpp"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include <random>
#include <string>
#include <tuple>
#include <vector>

namespace veil {
namespace {

// Each match: its span, and its group's span when the group is set and
// not empty (what can give a finding).
using Found = std::vector<std::tuple<size_t, size_t, size_t, size_t>>;

template <typename Next>
Found all_matches(const std::string& text, int group, Next next) {
  re2::StringPiece whole(text);
  std::vector<re2::StringPiece> m(size_t(group) + 1);
  Found out;
  size_t pos = 0;
  while (pos <= text.size() && next(whole, pos, m.data())) {
    size_t start = m[0].data() - text.data();
    size_t end = start + m[0].size();
    pos = m[0].empty() ? end + 1 : end;
    const re2::StringPiece& g = m[size_t(group)];
    size_t g_start = g.empty() ? 0 : g.data() - text.data();
    out.emplace_back(start, end, g_start, g_start + g.size());
  }
  return out;
}

std::string pruned(std::string_view pattern, int group) {
  return finding_pattern(pattern, group).value_or("(none)");
}

TEST_SUITE("finding_pattern") {
  TEST_CASE("keeps only the branches that hold the group") {
    CHECK(pruned(R"(\b(?:\d+(?: \d+){3,}|\w+(?:-\w+){3,}|(9\d{2}-\d{4}))\b)",
                 1) == R"(\b(?:(9\d{2}-\d{4}))\b)");
    CHECK(pruned("a(?:b|c(d)|e)f|g", 1) == "a(?:c(d))f");
    CHECK(pruned("(x)|(y)|z", 2) == "(y)");
    CHECK(pruned("(?P<n>a)|b", 1) == "(?P<n>a)");
    CHECK(pruned("(?:x|(y))?z|w", 1) == "(?:(y))?z");
  }

  TEST_CASE("a left-out branch's flags go to the branches after it") {
    CHECK(pruned(R"((?m)(?i:order)\s*\d+|^\s*(\+\d+))", 1) ==
          R"((?m)^\s*(\+\d+))");
    CHECK(pruned("a(?i)b|(c)|(?s)d", 1) == "(?i)(c)");
    CHECK(pruned("(?:(?i)x)|(y)", 1) == "(y)"); // scoped to its own group
  }

  TEST_CASE("a repeat that may run twice is written as it was") {
    CHECK(pruned("(?:x|(y))+|z", 1) == "(?:x|(y))+");
    CHECK(pruned("(?:x|(y)){2,3}|z", 1) == "(?:x|(y)){2,3}");
    CHECK(pruned("(?:x|(y))*", 1) == "(none)");
  }

  TEST_CASE("'|' and parentheses in classes, escapes and quotes") {
    CHECK(pruned(R"([|(]\(|([)|\]]+)\|)", 1) == R"(([)|\]]+)\|)");
    CHECK(pruned(R"([]|]x|[^]|](y)|(z))", 2) == "(z)");
    CHECK(pruned(R"([[:alpha:]|]|\Q(|)\E|(a))", 1) == "(a)");
    CHECK(pruned(R"(\p{Greek}|\x{7C}|(b))", 1) == "(b)");
  }

  TEST_CASE("nothing to leave out, or syntax it does not know") {
    CHECK(pruned("a|(b)", 0) == "(none)");
    CHECK(pruned(R"(\b(\d+)\b)", 1) == "(none)");
    CHECK(pruned("(a)|(?:(b))", 3) == "(none)");
    CHECK(pruned("(a|b", 1) == "(none)");
    CHECK(pruned("a)|(b)", 1) == "(none)");
    CHECK(pruned("(?x:a)|(b)", 1) == "(none)");
  }

  TEST_CASE("every built-in rule: CompiledRule::match gives what RE2 does") {
    Catalog catalog = load_catalog(CatalogOptions{});
    std::mt19937 rng(11);
    size_t checked_rules = 0;
    for (const RuleSpec& spec : catalog.rules) {
      std::optional<std::string> finding =
          finding_pattern(spec.regex, spec.group);
      if (!finding || spec.examples_match.empty()) {
        continue;
      }
      CHECK_MESSAGE(RE2(*finding).ok(), spec.id, ": ", *finding);
      ++checked_rules;
      CompiledRule rule(spec, 0);
      auto by_rule = [&](re2::StringPiece text, size_t pos,
                         re2::StringPiece* m) {
        return rule.match(text, pos, text.size(), m);
      };
      auto by_re2 = [&](re2::StringPiece text, size_t pos,
                        re2::StringPiece* m) {
        return rule.regex().Match(text, pos, text.size(), RE2::UNANCHORED, m,
                                  spec.group + 1);
      };
      // Until the rule has matched often, match() asks RE2 for the groups
      // of every match; then the finding pattern tells decoys apart.
      for (uint32_t i = 0; i <= rule.matches_before_check(); ++i) {
        all_matches(spec.examples_match[0], spec.group, by_rule);
      }
      for (const std::string& text : rule_texts(rng, spec)) {
        CHECK_MESSAGE(all_matches(text, spec.group, by_rule) ==
                          all_matches(text, spec.group, by_re2),
                      spec.id, ": ", text);
      }
    }
    CHECK(checked_rules > 20);
  }
}

} // namespace
} // namespace veil
