// Shannon entropy in bits per byte, used by rules with `entropy = N` to tell
// random-looking secrets from placeholders like "password123".
#pragma once

#include <string_view>

namespace veil {

double shannon_entropy(std::string_view text);

} // namespace veil
