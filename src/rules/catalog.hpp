// The rules of a run: the built-in packs, then each --rules file in order
// (a rule with an existing id replaces it, a new id is appended), then the
// --only / --disable selection by rule id, entity or category.
#pragma once

#include "rules/rule_spec.hpp"

#include <string>
#include <vector>

namespace veil {

struct CatalogOptions {
  std::vector<std::string> rule_files;  // --rules
  std::vector<std::string> terms_files; // --terms-file
  std::vector<std::string> only;        // --only: ids, entities or categories
  std::vector<std::string> disable;     // --disable
  bool builtin = true;
  // false: the built-in rules come without their examples, which only
  // `veil rules` uses (see blank_examples.hpp).
  bool examples = true;
};

struct Catalog {
  struct Pack {
    std::string name;
    std::string version;
    std::string source; // "rules/pii.toml" or the user's path
    size_t rules = 0;   // as loaded, before merging and selection
  };
  std::vector<Pack> packs;     // as loaded, for the report's tool info
  std::vector<RuleSpec> rules; // merged and selected, in pack order
};

// Throws RuleError for a bad pack, UsageError for an unreadable file.
Catalog load_catalog(const CatalogOptions& options);

} // namespace veil
