#include "baseline/allow_marker.hpp"

#include <array>

namespace veil {

namespace {

constexpr std::array<std::string_view, 3> k_markers = {
    "veil:allow", "gitleaks:allow", "pragma: allowlist secret"};

} // namespace

bool has_allow_marker(std::string_view text) {
  for (std::string_view marker : k_markers) {
    if (text.find(marker) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

bool line_has_allow_marker(std::string_view text, size_t pos) {
  if (pos > text.size()) {
    return false;
  }
  const size_t newline =
      pos == 0 ? std::string_view::npos : text.rfind('\n', pos - 1);
  const size_t begin = newline == std::string_view::npos ? 0 : newline + 1;
  size_t end = text.find('\n', pos);
  end = end == std::string_view::npos ? text.size() : end;
  return has_allow_marker(text.substr(begin, end - begin));
}

} // namespace veil
