#include "actions/keyed_hash.hpp"

#include "core/errors.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

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
  if (!key_file.empty()) {
    std::ifstream in(key_file, std::ios::binary);
    if (!in) {
      throw UsageError(key_file + ": cannot read key file");
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string key = buffer.str();
    while (!key.empty() && (key.back() == '\n' || key.back() == '\r')) {
      key.pop_back();
    }
    if (key.empty()) {
      throw UsageError(key_file + ": key file is empty");
    }
    return key;
  }
  if (const char* env = std::getenv("VEIL_KEY"); env != nullptr && *env) {
    return env;
  }
  return std::string(k_public_salt);
}

} // namespace veil
