#include "rules/catalog.hpp"

#include "core/errors.hpp"
#include "rules/builtin_packs.hpp"
#include "rules/spec_codec.hpp"
#include "rules/terms.hpp"
#include "rules/toml_loader.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

namespace veil {

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw UsageError(path + ": cannot read rule file");
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

bool selects(const std::vector<std::string>& names, const RuleSpec& rule) {
  return std::any_of(names.begin(), names.end(), [&](const std::string& n) {
    return n == rule.id || n == rule.entity || n == rule.category;
  });
}

// Moves the pack's rules in (a rule spec, with its examples and source
// locations, is costly to copy: start-up time).
void merge(std::vector<RuleSpec>& rules, std::map<std::string, size_t>& by_id,
           PackSpec&& pack) {
  for (RuleSpec& rule : pack.rules) {
    auto [it, inserted] = by_id.emplace(rule.id, rules.size());
    if (inserted) {
      rules.push_back(std::move(rule));
    } else {
      rules[it->second] = std::move(rule);
    }
  }
}

// Only `veil rules` needs the examples, and so the TOML; a scan decodes
// the specs parsed when veil was built (start-up time).
std::vector<PackSpec> load_builtin_packs(bool examples) {
  return examples ? rules::parse_builtin_packs(true)
                  : decode_packs(rules::builtin_pack_specs());
}

} // namespace

Catalog load_catalog(const CatalogOptions& options) {
  std::vector<PackSpec> packs;
  if (options.builtin) {
    packs = load_builtin_packs(options.examples);
  }
  for (const std::string& path : options.rule_files) {
    // A user's quick rule may leave its examples out; built-in rules may not.
    packs.push_back(load_pack(read_file(path), path,
                              LoadOptions{.require_examples = false}));
  }
  if (std::optional<PackSpec> terms = load_terms(options.terms_files)) {
    packs.push_back(std::move(*terms));
  }
  Catalog catalog;
  std::map<std::string, size_t> by_id;
  std::vector<RuleSpec> merged;
  size_t total = 0;
  for (const PackSpec& pack : packs) {
    total += pack.rules.size();
  }
  merged.reserve(total); // specs are large: each growth moves them all
  for (PackSpec& pack : packs) {
    catalog.packs.push_back(
        {pack.name, pack.version, pack.source, pack.rules.size()});
    merge(merged, by_id, std::move(pack));
  }
  std::erase_if(merged, [&](const RuleSpec& rule) {
    return (!options.only.empty() && !selects(options.only, rule)) ||
           selects(options.disable, rule);
  });
  catalog.rules = std::move(merged);
  return catalog;
}

} // namespace veil
