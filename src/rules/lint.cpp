#include "rules/lint.hpp"

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

} // namespace

std::vector<LintIssue> lint_rules(const RuleSet& rules) {
  std::vector<LintIssue> out;
  for (const auto& rule : rules.rules()) {
    check_regex(*rule, out);
    check_examples(rule->spec(), out);
  }
  return out;
}

} // namespace veil
