// Parses one TOML rule pack into a PackSpec. Every error is a RuleError whose
// message is "FILE:LINE:COL: rule ID: what is wrong" ("rule #3" before the id
// is known, nothing for [pack] keys: "FILE:2:8: pack.name: ..."). Loading
// checks shapes, unknown keys and value sets (severity, category, direction,
// style, validator names); regexes are compiled later by the scanner.
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
