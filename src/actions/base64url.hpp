// Base64url without padding (RFC 4648 section 5): the alphabet of encrypt
// tokens. It holds no character that JSON escapes or that a tokenizer,
// Markdown or a shell would split a word at, so a token survives a model's
// answer and JSON strings unchanged. OpenSSL's EVP_EncodeBlock speaks only
// padded standard base64, hence this small codec.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace veil {

std::string base64url_encode(std::string_view bytes);
// Nothing for a character outside the alphabet, padding, or a length that
// no encoding has (4n + 1), or nonzero unused low bits (one text per bytes).
std::optional<std::string> base64url_decode(std::string_view text);

} // namespace veil
