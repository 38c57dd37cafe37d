// The rule packs of rules/*.toml, embedded at build time
// (cmake/embed_rules_script.cmake) so veil needs no files at run time.
#pragma once

#include <string_view>
#include <vector>

namespace veil::rules {

struct EmbeddedPack {
  std::string_view name; // "rules/pii.toml"
  std::string_view text; // the TOML source
};

const std::vector<EmbeddedPack>& builtin_pack_sources();

} // namespace veil::rules
