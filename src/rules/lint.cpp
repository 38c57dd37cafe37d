#include "rules/lint.hpp"

#include <set>

namespace veil {

namespace {

constexpr size_t k_min_examples = 3;

bool is_builtin(const RuleSpec& spec) {
  return spec.location.file.rfind("rules/", 0) == 0;
}

void add(std::vector<LintIssue>& out, const RuleSpec& spec,
         const std::string& key, bool error, std::string message) {
  out.push_back({error, spec.id, spec.where(key).format(), std::move(message)});
}

void check_examples(const RuleSpec& spec, std::vector<LintIssue>& out) {
  size_t match = spec.examples_match.size();
  size_t no_match = spec.examples_no_match.size();
  if (match >= k_min_examples && no_match >= k_min_examples) {
    return;
  }
  // Built-in rules must prove themselves; a user's quick rule may not.
  add(out, spec, "examples", is_builtin(spec),
      "has " + std::to_string(match) + " match and " +
          std::to_string(no_match) + " no_match examples; want at least " +
          std::to_string(k_min_examples) + " of each");
}

void check_regex(const CompiledRule& rule, std::vector<LintIssue>& out) {
  const RuleSpec& spec = rule.spec();
  if (RE2::FullMatch("", rule.regex())) {
    add(out, spec, "regex", true,
        "regex matches the empty string, so it finds nothing useful");
  }
  std::string_view re = spec.regex;
  if (re.rfind(".*", 0) == 0 || re.rfind(".+", 0) == 0) {
    add(out, spec, "regex", false,
        "regex starts with an unbounded wildcard: anchor it on a literal");
  }
  if (spec.keywords.empty()) {
    add(out, spec, "regex", false,
        "no keywords: the regex runs on every string");
  }
}

// A partner that is not loaded (a typo, or disabled) never raises anything.
void check_pairs(const RuleSpec& spec, const std::set<std::string>& ids,
                 std::vector<LintIssue>& out) {
  for (const std::string& partner : spec.pairs_with) {
    if (ids.count(partner) == 0) {
      add(out, spec, "pairs_with", true,
          "pairs_with names " + partner + ", which is not a loaded rule");
    }
  }
}

} // namespace

std::vector<LintIssue> lint_rules(const RuleSet& rules) {
  std::set<std::string> ids;
  for (const auto& rule : rules.rules()) {
    ids.insert(rule->spec().id);
  }
  std::vector<LintIssue> out;
  for (const auto& rule : rules.rules()) {
    check_regex(*rule, out);
    check_examples(rule->spec(), out);
    check_pairs(rule->spec(), ids, out);
  }
  return out;
}

} // namespace veil
