// Values that fill a credential's slot without being one: "sk-xxxx",
// "<YOUR_API_KEY>", "${OPENAI_API_KEY}", "{{ token }}", "%s", "REDACTED",
// runs of one character, and vendors' documented example keys. Secret
// findings that look like this are reported as info, never as alarms.
#pragma once

#include <string_view>

namespace veil {

bool looks_like_placeholder(std::string_view value);

} // namespace veil
