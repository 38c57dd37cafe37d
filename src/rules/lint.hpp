// `veil rules lint`: checks that `rules test` cannot see. Errors make the
// command fail (exit 2): a regex that matches the empty string, a built-in
// rule with fewer than three match or three no_match examples. Warnings
// point at slow rules: no keywords (the regex runs on every string) and a
// leading unbounded wildcard.
#pragma once

#include "scanner/rule_set.hpp"

#include <string>
#include <vector>

namespace veil {

struct LintIssue {
  bool error = false;
  std::string rule;
  std::string location; // FILE:LINE:COL
  std::string message;
};

std::vector<LintIssue> lint_rules(const RuleSet& rules);

} // namespace veil
