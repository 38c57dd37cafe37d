#include "core/severity.hpp"

#include <array>

namespace veil {

namespace {
constexpr std::array<std::string_view, 5> k_names = {"info", "low", "medium",
                                                     "high", "critical"};
}

std::string_view to_string(Severity s) {
  return k_names[static_cast<size_t>(s)];
}

Severity one_level_lower(Severity s) {
  return s == Severity::info ? s : static_cast<Severity>(int(s) - 1);
}

std::optional<Severity> parse_severity(std::string_view name) {
  for (size_t i = 0; i < k_names.size(); ++i) {
    if (k_names[i] == name) {
      return static_cast<Severity>(i);
    }
  }
  return std::nullopt;
}

} // namespace veil
