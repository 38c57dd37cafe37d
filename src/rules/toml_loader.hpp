// Parses one TOML rule pack into a PackSpec. Every error is a RuleError whose
// message is "FILE:LINE:COL: rule ID: what is wrong" (or "FILE:LINE:COL: what"
// before a rule id is known). Loading checks shapes and value sets (severity,
// category, direction, validator names); regexes are compiled by the scanner.
#pragma once

#include "rules/rule_spec.hpp"

#include <string>
#include <string_view>

namespace veil {

struct LoadOptions {
  // Built-in packs prove every rule with at least one `examples.match`;
  // a user's quick rule may leave examples out.
  bool require_examples = true;
};

PackSpec load_pack(std::string_view toml_text, const std::string& display_name,
                   const LoadOptions& options = {});

} // namespace veil
