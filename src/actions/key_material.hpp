// Where the secret keys of a run come from: one master key (--key-file, else
// $VEIL_KEY, never argv) and, for each use, a subkey derived from it with
// HKDF-SHA256 (RFC 5869, OpenSSL's EVP_KDF "HKDF"):
//
//   subkey = HKDF(ikm = master, salt = "veil/key-material/v1",
//                 info = purpose name, or purpose name + '\0' + segment)
//
// so the hash and encrypt styles never share key bytes, and a segment (a
// tenant id under --segment-by) gets subkeys that cannot be linked to
// another segment's. Any code that needs a keyed pseudonym or cipher takes
// its key from here; the derivation is part of the output format (the same
// key gives the same tokens on every machine), so it must not change.
// Report fingerprints are not derived: they stay HMAC under the master key
// or the public salt (actions/keyed_hash.hpp), so baselines keep matching.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace veil {

enum class KeyPurpose {
  hash,    // the `hash` style's HMAC-SHA256 key (32 bytes)
  encrypt, // the `encrypt` style's AES-256-SIV key (64 bytes)
};

// "hash", "encrypt": the HKDF info label, also used in messages.
std::string_view purpose_name(KeyPurpose purpose);
// The subkey length each purpose uses.
size_t subkey_length(KeyPurpose purpose);

// --key-file FILE (trailing newlines dropped), else $VEIL_KEY, else nothing.
// Throws UsageError for an unreadable or empty key file. Never echoes a key.
std::optional<std::string> read_master_key(const std::string& key_file);

class KeyMaterial {
public:
  KeyMaterial() = default; // no key: subkey() refuses
  explicit KeyMaterial(std::optional<std::string> master)
      : m_master(std::move(master)) {}
  static KeyMaterial load(const std::string& key_file) {
    return KeyMaterial(read_master_key(key_file));
  }

  bool has_key() const { return m_master.has_value(); }
  // subkey_length(purpose) bytes for purpose (and segment, when not empty).
  // Throws UsageError "the PURPOSE style needs a key: --key-file FILE or
  // VEIL_KEY" without a master key: veil never makes up a random key.
  std::string subkey(KeyPurpose purpose, std::string_view segment = {}) const;

private:
  std::optional<std::string> m_master;
};

// The HKDF itself, exposed for tests against RFC 5869's vectors.
std::string hkdf_sha256(std::string_view ikm, std::string_view salt,
                        std::string_view info, size_t length);

} // namespace veil
