#include "rules/examples.hpp"

#include "scanner/injection_score.hpp"
#include "scanner/scanner.hpp"

#include <algorithm>

namespace veil {

namespace {

// The injection.risk rule is made by the scorer, not by its regex: its
// examples are user messages that must (or must not) reach the default
// threshold with every rule of the set.
bool risk_finds(const RuleSet& rules, const CompiledRule& rule,
                const std::string& text) {
  Record record;
  record.content = text;
  Field field;
  field.raw_end = static_cast<uint32_t>(text.size());
  field.text = text;
  field.role = "user";
  field.direction = Direction::input;
  record.fields.push_back(std::move(field));
  std::vector<Match> matches;
  Scanner scanner(rules);
  scanner.scan(record, matches);
  InjectionScorer(rules, k_default_injection_threshold).score(record, matches);
  return std::any_of(matches.begin(), matches.end(),
                     [&rule](const Match& m) { return m.rule == &rule; });
}

// As in a real scan, the rule runs only when the candidate filter selects
// it: an example that must match also proves the filter lets it through.
bool rule_finds(const RuleSet& rules, Scanner& scanner,
                const CompiledRule& rule, const std::string& text) {
  if (rule.spec().validator == "injection_risk") {
    return risk_finds(rules, rule, text);
  }
  Record record;
  record.content = text;
  Field field;
  field.raw_end = static_cast<uint32_t>(text.size());
  field.text = text;
  record.fields.push_back(std::move(field));
  std::vector<Match> matches;
  scanner.find_if_selected(rule, record, 0, matches);
  return !matches.empty();
}

void check(const RuleSet& rules, Scanner& scanner, const CompiledRule& rule,
           const std::vector<std::string>& examples, bool expected,
           ExampleResults& results) {
  const RuleSpec& spec = rule.spec();
  for (size_t i = 0; i < examples.size(); ++i) {
    ++results.examples;
    if (rule_finds(rules, scanner, rule, examples[i]) == expected) {
      continue;
    }
    // Examples may be real-looking secrets: name them by position only.
    std::string kind = expected ? "match" : "no_match";
    std::string what = expected ? "not found" : "matched";
    results.failures.push_back(
        {spec.id, spec.where("examples").format(),
         kind + " example " + std::to_string(i + 1) + " " + what});
  }
}

} // namespace

ExampleResults run_examples(const RuleSet& rules) {
  rules.build_gates(); // examples go through the rule gates, as a long run
  Scanner scanner(rules);
  ExampleResults results;
  for (const auto& rule : rules.rules()) {
    ++results.rules;
    check(rules, scanner, *rule, rule->spec().examples_match, true, results);
    check(rules, scanner, *rule, rule->spec().examples_no_match, false,
          results);
  }
  return results;
}

} // namespace veil
