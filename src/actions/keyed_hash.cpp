#include "actions/keyed_hash.hpp"

#include "actions/key_material.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace veil {

const std::string_view k_public_salt = "veil-public-fingerprint-salt-v1";

std::string KeyedHash::hex(std::string_view a, std::string_view b) const {
  std::string message;
  message.reserve(a.size() + b.size() + 1);
  message.append(a).push_back('\0');
  message.append(b);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), m_key.data(), static_cast<int>(m_key.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
       digest, &length);
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out += k_hex[digest[i] >> 4];
    out += k_hex[digest[i] & 15];
  }
  return out;
}

std::string load_key(const std::string& key_file) {
  return read_master_key(key_file).value_or(std::string(k_public_salt));
}

} // namespace veil
