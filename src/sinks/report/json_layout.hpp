// Streamed JSON documents laid out exactly as nlohmann's dump(2) of the
// whole document would be: each piece is dumped on its own and shifted
// right to the depth where it sits. Used by the sarif report, which writes
// results as they arrive instead of holding them.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>

namespace veil {

// dump_json(j, 2) with every line after the first indented by `by` spaces.
std::string nested_json(const nlohmann::ordered_json& j, size_t by);

} // namespace veil
