// `veil rules test`: runs every rule's embedded examples through the real
// scanner. A `match` example must yield a finding of that rule; a
// `no_match` example must not. Examples are scanned as text lines.
#pragma once

#include "scanner/rule_set.hpp"

#include <string>
#include <vector>

namespace veil {

struct ExampleFailure {
  std::string rule;
  std::string location; // FILE:LINE:COL of the rule's examples
  std::string message;  // "match example 2 not found"
};

struct ExampleResults {
  size_t rules = 0;
  size_t examples = 0;
  std::vector<ExampleFailure> failures;
};

ExampleResults run_examples(const RuleSet& rules);

} // namespace veil
