// Redaction styles: how a finding's value is replaced in the output.
// `none` is veil's report-only style (injection signals are flagged, not cut).
// `encrypt` is the reversible one: actions/encrypt_token.hpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace veil {

enum class Style { label, mask, partial, hash, remove, encrypt, none };

std::optional<Style> parse_style(std::string_view name);
std::string_view to_string(Style s);
std::vector<std::string> style_names();

} // namespace veil
