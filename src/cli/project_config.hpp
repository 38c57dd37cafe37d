// The project file .veil.toml, found from the working directory upward
// (the first one wins; --no-config skips it). Its values sit under the
// command line's: lists are prepended to the flags' lists, a scalar applies
// only when its flag was not given. Paths in it are relative to the file.
//
//   rule_files = ["rules/acme.toml"]     # as --rules
//   terms_files = ["codenames.txt"]      # as --terms-file
//   only = ["secret"]                    # as --only
//   disable = ["pii.ipv4"]               # as --disable
//   min_confidence = 0.5                 # as --min-confidence
//   fail_on = "medium"                   # as --fail-on
//   region = ["DE", "AT"]                # as --region
//   [policy]                             # as --policy (policy/policy_loader)
#pragma once

#include "cli/options.hpp"

#include <filesystem>
#include <optional>
#include <string_view>

namespace veil {

// The nearest .veil.toml at or above dir, if any.
std::optional<std::filesystem::path>
find_project_config(const std::filesystem::path& dir);

// Merges the file (display name `name`, contents `text`, directory `base`)
// under o. Throws RuleError "FILE:LINE:COL: config: KEY: what" (exit 2).
void merge_project_config(std::string_view text, const std::string& name,
                          const std::filesystem::path& base, Options& o);

// find + read + merge, unless o.no_config.
Options with_project_config(const Options& o);

} // namespace veil
