// The `encrypt` style's token: "[ENTITY:enc:BODY]", BODY the base64url
// (unpadded) of AES-256-SIV's tag + ciphertext of the exact value, with the
// entity name as associated data (a token cannot be relabelled). Brackets,
// capitals, ':' and the base64url alphabet need no escaping in JSON, survive
// Markdown, and read as one opaque word to a model, which is what lets
// `veil restore` find it in an answer. The same value, entity and key give
// the same token on every machine and shard.
#pragma once

#include "actions/cipher.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace veil {

struct EncryptToken {
  std::string_view entity;
  std::string_view body; // base64url, not yet decoded
};

// Splits "[ENTITY:enc:BODY]" (the whole of text); nothing for any other
// shape. ENTITY is [A-Za-z0-9_]+, BODY base64url of at least a tag.
std::optional<EncryptToken> parse_encrypt_token(std::string_view text);

class TokenCipher {
public:
  // key: KeyMaterial::subkey(KeyPurpose::encrypt, segment).
  explicit TokenCipher(std::string key) : m_cipher(std::move(key)) {}

  std::string token(std::string_view entity, std::string_view value) const;
  // The value inside a token, or nothing when text is not a token or does
  // not open under this key (another key or segment, an altered token).
  std::optional<std::string> open(std::string_view text) const;

private:
  SivCipher m_cipher;
};

} // namespace veil
