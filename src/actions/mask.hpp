// Value transformations that never need a key: the masked preview shown in
// reports, the `mask` and `partial` styles, and the normalization applied
// before fingerprinting (so "4111 1111..." and "4111-1111..." agree).
#pragma once

#include <string>
#include <string_view>

namespace veil {

// Report preview: never enough to recover the value.
// "jane.doe@example.com" -> "j***@example.com", a secret -> "sk-p****",
// other values -> "4***1" style first/last character, short ones "****".
std::string masked_preview(std::string_view category, std::string_view entity,
                           std::string_view value);

// `mask`: one '*' per character (UTF-8 code point).
std::string mask_all(std::string_view value);

// `partial`: email keeps its domain; other values keep their last 4
// letters/digits and separators when long enough, else are fully masked.
std::string mask_partial(std::string_view entity, std::string_view value);

std::string normalize_value(std::string_view entity, std::string_view value);

} // namespace veil
