#include "rules/examples.hpp"

#include "scanner/scanner.hpp"

namespace veil {

namespace {

// As in a real scan, the rule runs only when the prefilter selects it.
bool rule_finds(const RuleSet& rules, const Scanner& scanner,
                const CompiledRule& rule, const std::string& text) {
  std::vector<uint8_t> candidates;
  rules.prefilter().candidates(text, candidates);
  if (!candidates[rule.index()]) {
    return false;
  }
  Record record;
  record.content = text;
  Field field;
  field.raw_end = static_cast<uint32_t>(text.size());
  field.text = text;
  record.fields.push_back(std::move(field));
  std::vector<Match> matches;
  scanner.find(rule, record, 0, matches);
  return !matches.empty();
}

void check(const RuleSet& rules, const Scanner& scanner,
           const CompiledRule& rule, const std::vector<std::string>& examples,
           bool expected, ExampleResults& results) {
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
