#include "actions/key_material.hpp"

#include "core/errors.hpp"

#include <openssl/core_names.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>

namespace veil {

namespace {

constexpr std::string_view k_salt = "veil/key-material/v1";

struct KdfDeleter {
  void operator()(EVP_KDF* k) const { EVP_KDF_free(k); }
  void operator()(EVP_KDF_CTX* c) const { EVP_KDF_CTX_free(c); }
};

// OSSL_PARAM takes non-const pointers even for inputs it only reads.
OSSL_PARAM octets(const char* name, std::string_view bytes) {
  return OSSL_PARAM_construct_octet_string(
      name, const_cast<char*>(bytes.data()), bytes.size());
}

} // namespace

std::string_view purpose_name(KeyPurpose purpose) {
  return purpose == KeyPurpose::hash ? "hash" : "encrypt";
}

size_t subkey_length(KeyPurpose purpose) {
  // AES-256-SIV takes two AES-256 keys (MAC and CTR halves).
  return purpose == KeyPurpose::encrypt ? 64 : 32;
}

std::optional<std::string> read_master_key(const std::string& key_file) {
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
    return std::string(env);
  }
  return std::nullopt;
}

std::string hkdf_sha256(std::string_view ikm, std::string_view salt,
                        std::string_view info, size_t length) {
  std::unique_ptr<EVP_KDF, KdfDeleter> kdf(
      EVP_KDF_fetch(nullptr, OSSL_KDF_NAME_HKDF, nullptr));
  if (!kdf) {
    throw UsageError("OpenSSL has no HKDF (libcrypto 3 is required)");
  }
  std::unique_ptr<EVP_KDF_CTX, KdfDeleter> ctx(EVP_KDF_CTX_new(kdf.get()));
  char digest[] = "SHA256";
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
      octets(OSSL_KDF_PARAM_KEY, ikm),
      octets(OSSL_KDF_PARAM_SALT, salt),
      octets(OSSL_KDF_PARAM_INFO, info),
      OSSL_PARAM_construct_end(),
  };
  std::string out(length, '\0');
  if (!ctx ||
      EVP_KDF_derive(ctx.get(), reinterpret_cast<unsigned char*>(out.data()),
                     out.size(), params) != 1) {
    throw UsageError("HKDF key derivation failed");
  }
  return out;
}

std::string KeyMaterial::subkey(KeyPurpose purpose,
                                std::string_view segment) const {
  if (!m_master) {
    throw UsageError("the " + std::string(purpose_name(purpose)) +
                     " style needs a key: --key-file FILE or VEIL_KEY");
  }
  std::string info(purpose_name(purpose));
  if (!segment.empty()) {
    info.push_back('\0');
    info.append(segment);
  }
  return hkdf_sha256(*m_master, k_salt, info, subkey_length(purpose));
}

} // namespace veil
