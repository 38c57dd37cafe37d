// The rule packs of rules/*.toml, built into veil so that it needs no files
// at run time: their TOML text (cmake/embed_rules_script.cmake), for `veil
// rules`, which shows and tests their examples; and the specs without
// examples, parsed from that text when veil is built (encode_packs_main.cpp)
// so that a scan only decodes them.
#pragma once

#include "rules/rule_spec.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace veil::rules {

struct EmbeddedPack {
  std::string_view name; // "rules/pii.toml"
  std::string_view text; // the TOML source
};

const std::vector<EmbeddedPack>& builtin_pack_sources();

// Parses builtin_pack_sources(); examples = false leaves the example tables
// out (see blank_examples.hpp).
std::vector<PackSpec> parse_builtin_packs(bool examples);

// parse_builtin_packs(false) without the rules' key positions, as
// spec_codec.hpp encodes it: what the build compiles into veil.
std::string encode_builtin_packs();
// What encode_builtin_packs() gave when veil was built.
std::string_view builtin_pack_specs();

} // namespace veil::rules
