// Finding severities, ordered so that --fail-on compares with >=.
#pragma once

#include <optional>
#include <string_view>

namespace veil {

enum class Severity { info = 0, low, medium, high, critical };

std::string_view to_string(Severity s);
std::optional<Severity> parse_severity(std::string_view name);
Severity one_level_lower(Severity s);

} // namespace veil
