// `veil rules list|show|test`: inspect the rule packs a run would use.
#include "cli/commands.hpp"
#include "cli/run_builder.hpp"
#include "rules/examples.hpp"
#include "rules/lint.hpp"

#include <iomanip>
#include <iostream>

namespace veil {

namespace {

const RuleSpec& find_rule(const Catalog& catalog, const std::string& id) {
  for (const RuleSpec& rule : catalog.rules) {
    if (rule.id == id) {
      return rule;
    }
  }
  throw UsageError("no rule with id \"" + id + "\" (see veil rules list)");
}

void print_list(const char* key, const std::vector<std::string>& values) {
  if (values.empty()) {
    return;
  }
  std::cout << key << ":\n";
  for (const std::string& v : values) {
    std::cout << "  " << v << '\n';
  }
}

} // namespace

ExitCode cmd_rules_list(const Options& o) {
  Catalog catalog = load_catalog(catalog_options(o));
  RuleSet compiled(catalog.rules); // a broken regex fails here, exit 2
  for (const RuleSpec& r : catalog.rules) {
    std::cout << std::left << std::setw(32) << r.id << ' ' << std::setw(24)
              << r.entity << ' ' << std::setw(10) << r.category << ' '
              << std::setw(9) << to_string(r.severity) << ' ' << r.pack << '\n';
  }
  return ExitCode::ok;
}

ExitCode cmd_rules_show(const Options& o) {
  Catalog catalog = load_catalog(catalog_options(o));
  const RuleSpec& r = find_rule(catalog, o.rule_id);
  std::cout << "id: " << r.id << "\ndescription: " << r.description
            << "\nentity: " << r.entity << "\ncategory: " << r.category
            << "\nseverity: " << to_string(r.severity) << "\nregex: " << r.regex
            << "\ngroup: " << r.group << "\nconfidence: " << r.confidence
            << "\ndirection: " << r.direction << '\n';
  if (!r.validator.empty()) {
    std::cout << "validator: " << r.validator << '\n';
  }
  if (r.entropy > 0) {
    std::cout << "entropy: " << r.entropy << '\n';
  }
  if (!r.style.empty()) {
    std::cout << "style: " << r.style << '\n';
  }
  print_list("keywords", r.keywords);
  print_list("context", r.context.words);
  print_list("allow", r.allow);
  std::cout << "examples: " << r.examples_match.size() << " match, "
            << r.examples_no_match.size() << " no_match\n"
            << "defined at: " << r.location.format() << '\n';
  return ExitCode::ok;
}

ExitCode cmd_rules_test(const Options& o) {
  Catalog catalog = load_catalog(catalog_options(o));
  RuleSet rules(std::move(catalog.rules));
  ExampleResults results = run_examples(rules);
  for (const ExampleFailure& f : results.failures) {
    std::cerr << "veil: " << f.location << ": rule " << f.rule << ": "
              << f.message << '\n';
  }
  std::cout << results.rules << " rules, " << results.examples << " examples, "
            << results.failures.size() << " failed\n";
  return results.failures.empty() ? ExitCode::ok : ExitCode::usage;
}

ExitCode cmd_rules_lint(const Options& o) {
  Catalog catalog = load_catalog(catalog_options(o));
  RuleSet rules(std::move(catalog.rules));
  size_t errors = 0;
  size_t warnings = 0;
  for (const LintIssue& issue : lint_rules(rules)) {
    (issue.error ? errors : warnings) += 1;
    std::cerr << "veil: " << issue.location << ": rule " << issue.rule << ": "
              << (issue.error ? "error: " : "warning: ") << issue.message
              << '\n';
  }
  std::cout << rules.rules().size() << " rules, " << errors << " errors, "
            << warnings << " warnings\n";
  return errors == 0 ? ExitCode::ok : ExitCode::usage;
}

} // namespace veil
