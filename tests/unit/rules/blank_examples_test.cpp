#include "rules/blank_examples.hpp"
#include "rules/builtin_packs.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

namespace veil {
namespace {

using rules::blank_examples;

size_t lines(const std::string& text) {
  return size_t(std::count(text.begin(), text.end(), '\n'));
}

// Everything of a rule but its examples, and their positions.
auto comparable(const RuleSpec& r) {
  std::vector<std::tuple<std::string, uint64_t, uint64_t>> positions;
  for (const auto& [key, at] : r.key_positions) {
    if (key.rfind("examples", 0) != 0) {
      positions.emplace_back(key, at.line, at.column);
    }
  }
  const ContextSpec& c = r.context;
  return std::make_tuple(
      r.id, r.description, r.entity, r.category, r.severity, r.regex, r.group,
      r.keywords, r.validator, r.validator_mode, r.entropy, c.words, c.window,
      c.required, c.boost, c.where, c.not_keys, r.allow, r.direction, r.style,
      r.confidence, r.pairs_with, r.pack, r.builtin, r.location.file,
      r.location.line, r.location.column, positions);
}

TEST_SUITE("rules::blank_examples") {

  TEST_CASE("example tables become empty lines; the rest is kept") {
    const std::string pack = "[pack]\n"
                             "name = \"p\"\n"
                             "[[rules]]\n"
                             "id = \"a\"\n"
                             "[rules.examples]\n"
                             "match = ['''x''',\n"
                             "  '''y''']\n"
                             "[[rules]] # second\n"
                             "id = \"b\"\n";
    const std::string out = blank_examples(pack);
    CHECK(out == "[pack]\n"
                 "name = \"p\"\n"
                 "[[rules]]\n"
                 "id = \"a\"\n"
                 "\n\n\n"
                 "[[rules]] # second\n"
                 "id = \"b\"\n");
    CHECK(lines(out) == lines(pack));
  }

  TEST_CASE("a line starting with [ inside a string or an array is no header") {
    const std::string pack =
        "[[rules]]\n"
        "[rules.examples]\n"
        "match = [\n"
        "  '''first line\n"
        "[[rules]] inside a multi-line literal\n"
        "''',\n"
        "  \"\"\"and\n"
        "[rules.context] inside a basic one, \\\"\"\" no end\n"
        "\"\"\",\n"
        "  # a comment with ''' in it\n"
        "  [\"nested\"],\n"
        "  'it''s', \"\\\"[\",\n"
        "]\n"
        "[rules.context]\n"
        "words = [\"k\"]\n";
    const std::string out = blank_examples(pack);
    CHECK(out == "[[rules]]\n" + std::string(12, '\n') +
                     "[rules.context]\n"
                     "words = [\"k\"]\n");
  }

  TEST_CASE("headers with spaces, a last line without newline") {
    CHECK(blank_examples("[ rules . examples ]\nmatch = ['''x''']") == "\n");
    CHECK(blank_examples("[rules.examplesX]\nk = 1") ==
          "[rules.examplesX]\nk = 1");
    CHECK(blank_examples("") == "");
  }

  TEST_CASE("the built-in rules are the same without their examples") {
    const std::vector<PackSpec> full = rules::parse_builtin_packs(true);
    const std::vector<PackSpec> bare = rules::parse_builtin_packs(false);
    REQUIRE(full.size() == bare.size());
    size_t examples = 0;
    for (size_t p = 0; p < full.size(); ++p) {
      REQUIRE(full[p].rules.size() == bare[p].rules.size());
      for (size_t i = 0; i < full[p].rules.size(); ++i) {
        const RuleSpec& rule = bare[p].rules[i];
        CHECK(comparable(full[p].rules[i]) == comparable(rule));
        CHECK(rule.examples_match.empty());
        CHECK(rule.examples_no_match.empty());
        examples += full[p].rules[i].examples_match.size();
      }
    }
    CHECK(examples > 1000);
  }

} // TEST_SUITE

} // namespace
} // namespace veil
