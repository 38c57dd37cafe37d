// How many bytes a run will read, when that is known in advance: for the
// progress line's share and ETA. Known only when every argument is a
// regular, uncompressed file (stdin too, when it is redirected from one);
// pipes, directories and .gz/.zst inputs give nullopt.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace veil {

std::optional<uint64_t> known_input_size(const std::vector<std::string>& args);

} // namespace veil
