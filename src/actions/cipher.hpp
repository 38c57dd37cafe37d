// Deterministic authenticated encryption for the `encrypt` style: AES-256-SIV
// (RFC 5297) from OpenSSL 3's default provider. SIV computes its IV from the
// key, the associated data and the plaintext, so one value under one key
// always gives the same ciphertext: the pseudonym property the style needs,
// which a nonce-based AEAD (GCM) only gets by reusing nonces, and that breaks
// it. What leaks is equality: without the key one learns whether two tokens
// hide the same value, nothing more. The 16-byte tag makes any change to a
// token, or a token sealed under another key or entity, fail to open.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace veil {

class SivCipher {
public:
  static constexpr size_t k_key_size = 64; // AES-256-SIV: two AES-256 keys
  static constexpr size_t k_tag_size = 16;

  // Throws UsageError when the key is not k_key_size bytes (or 32: then
  // AES-128-SIV, for RFC 5297's test vectors) or OpenSSL lacks AES-SIV
  // (libcrypto 3.0 or later is required).
  explicit SivCipher(std::string key);

  // Returns tag + ciphertext (k_tag_size + plaintext.size() bytes).
  // plaintext must not be empty: OpenSSL's AES-SIV refuses it (throws).
  std::string seal(std::string_view associated,
                   std::string_view plaintext) const;
  // The plaintext, or nothing when the tag does not verify (another key,
  // another associated data, an altered or truncated token).
  std::optional<std::string> open(std::string_view associated,
                                  std::string_view sealed) const;

private:
  std::string m_key;
};

} // namespace veil
