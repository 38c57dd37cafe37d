// terms_file lists: a company's own codenames and customer names, one per
// line ("#" starts a comment), found case-insensitively as whole words. All
// lists of a run become one rule, custom.terms, whose keywords are the terms
// themselves so the prefilter skips texts without any of them.
#pragma once

#include "rules/rule_spec.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace veil {

// The terms of one list's text, trimmed, without comments and blank lines.
std::vector<std::string> parse_terms(std::string_view text);

// nullopt when the lists hold no term. Throws UsageError for an unreadable
// file.
std::optional<PackSpec> load_terms(const std::vector<std::string>& files);

// The rule for a set of terms (exposed for tests).
RuleSpec terms_rule(const std::vector<std::string>& terms);

} // namespace veil
