// Reads the [policy] table of a policy file (--policy) or of .veil.toml
// into a Policy. Every error is "FILE:LINE:COL: policy...: KEY: what is
// wrong" (RuleError, exit 2), found when the file is loaded, before any
// input is read. Tests parse strings: the loader never touches the disk.
#pragma once

#include "policy/policy.hpp"

#include <string>
#include <string_view>

namespace veil::policy {

// Merges the [policy] table of `text` (shown as `name`) over `into`: a
// scalar it sets (mode, segment_by) replaces the earlier one, its rules go
// before the earlier rules so that they win ties. require_table: a policy
// file without [policy] is an error; a .veil.toml without it is not.
void merge_policy_text(std::string_view text, const std::string& name,
                       Policy& into, bool require_table);

// Reads a --policy FILE from disk (UsageError when unreadable) and merges it.
void merge_policy_file(const std::string& path, Policy& into);

} // namespace veil::policy
