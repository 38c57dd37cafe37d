#include "core/find_upward.hpp"

namespace veil {

std::optional<std::filesystem::path>
find_upward(const std::filesystem::path& dir, std::string_view name) {
  namespace fs = std::filesystem;
  for (fs::path d = dir; !d.empty(); d = d.parent_path()) {
    fs::path candidate = d / name;
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec)) {
      return candidate;
    }
    if (d == d.root_path()) {
      break;
    }
  }
  return std::nullopt;
}

} // namespace veil
