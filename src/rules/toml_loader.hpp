// Parses one TOML rule pack into a PackSpec. Every error is a RuleError whose
// message is "FILE:LINE:COL: rule ID: what is wrong" (or "FILE:LINE:COL: what"
// before a rule id is known). Loading checks shapes and value sets (severity,
// category, direction, validator names); regexes are compiled by the scanner.
#pragma once

#include <string>
#include <string_view>

#include "rules/rule_spec.hpp"

namespace veil {

PackSpec load_pack(std::string_view toml_text, const std::string& display_name);

} // namespace veil
