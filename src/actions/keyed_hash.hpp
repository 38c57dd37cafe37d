// HMAC-SHA256 under the run's key (libcrypto). Fingerprints and the `hash`
// style use it, so the same key gives the same pseudonyms on every machine.
// Without a key, fingerprints use a public salt: documented as guessable for
// short values.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace veil {

extern const std::string_view k_public_salt;

class KeyedHash {
public:
  explicit KeyedHash(std::string key);
  KeyedHash(KeyedHash&&) noexcept;
  KeyedHash& operator=(KeyedHash&&) noexcept;
  ~KeyedHash();
  bool has_secret_key() const { return m_key != k_public_salt; }
  // Lowercase hex of HMAC-SHA256(key, a + '\0' + b). Thread-safe.
  std::string hex(std::string_view a, std::string_view b) const;

private:
  std::string m_key;
  // The MAC keyed once, on first use (a run without findings never pays
  // for libcrypto's algorithm look-up); each hex() works on a copy of it.
  struct Keyed;
  std::unique_ptr<Keyed> m_keyed;
};

// The key of --key-file, else $VEIL_KEY, else the public salt. Throws
// UsageError for an unreadable or empty key file. The key is never echoed.
std::string load_key(const std::string& key_file);

} // namespace veil
