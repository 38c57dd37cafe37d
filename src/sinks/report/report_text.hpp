// Text taken from the input (file names, previews, JSON paths, record ids)
// made safe for a human-facing report: invalid UTF-8 becomes U+FFFD and
// control characters are spelled \xNN, so a log line can neither break a
// format that requires UTF-8 (XML, HTML) nor move a terminal's cursor.
#pragma once

#include "core/severity.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace veil {

std::string safe_text(std::string_view s);

// Severities in the order reports list them: the worst first.
inline constexpr std::array<Severity, 5> k_severities_worst_first = {
    Severity::critical, Severity::high, Severity::medium, Severity::low,
    Severity::info};

// "1 finding", "3 findings".
std::string count_of(uint64_t n, std::string_view noun);

} // namespace veil
