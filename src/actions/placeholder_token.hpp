// The shapes of the placeholders redact writes: "[EMAIL_ADDRESS_1]" (label),
// "[PERSON:9f86d081884c7d65]" (hash) and "[EMAIL_ADDRESS:enc:BODY]"
// (encrypt). restore counts bracketed words of these shapes that it cannot
// fill; the scanner ignores matches inside them, so that scanning or
// redacting redacted text again leaves its tokens alone (an encrypt token's
// base64 body looks like a random key to the generic secret rules).
#pragma once

#include <cstddef>
#include <string_view>

namespace veil {

// True for "[ENTITY_N]", "[ENTITY:16 hex]" and "[ENTITY:enc:BODY]" with an
// upper-case ENTITY ([A-Z][A-Z0-9_]*).
bool looks_like_placeholder_token(std::string_view text);

// True when [start, end) lies inside one such token of text.
bool within_placeholder_token(std::string_view text, size_t start, size_t end);

} // namespace veil
