// The nearest file of a name at or above a directory (.veil.toml,
// .veilignore): how project files are found from the working directory.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

namespace veil {

std::optional<std::filesystem::path>
find_upward(const std::filesystem::path& dir, std::string_view name);

} // namespace veil
