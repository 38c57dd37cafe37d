// Rule specs to bytes and back. The built-in packs are parsed from TOML when
// veil is built (encode_packs_main.cpp) and only decoded when it runs:
// parsing them was most of a short run's start-up. The bytes are read only
// by the build that wrote them, so the format carries no version.
#pragma once

#include "rules/rule_spec.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace veil {

std::string encode_packs(const std::vector<PackSpec>& packs);

// Throws std::runtime_error on bytes that end early or run on.
std::vector<PackSpec> decode_packs(std::string_view bytes);

} // namespace veil
