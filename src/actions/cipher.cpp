#include "actions/cipher.hpp"

#include "core/errors.hpp"

#include <openssl/evp.h>

#include <memory>

namespace veil {

namespace {

struct EvpDeleter {
  void operator()(EVP_CIPHER* c) const { EVP_CIPHER_free(c); }
  void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};

using CipherPtr = std::unique_ptr<EVP_CIPHER, EvpDeleter>;
using ContextPtr = std::unique_ptr<EVP_CIPHER_CTX, EvpDeleter>;

// Fetched once: provider lookups are slow next to one small encryption.
// AES-128-SIV (32-byte keys) is there for RFC 5297's test vectors.
const EVP_CIPHER* aes_siv(size_t key_size) {
  static const CipherPtr siv256(
      EVP_CIPHER_fetch(nullptr, "AES-256-SIV", nullptr));
  static const CipherPtr siv128(
      EVP_CIPHER_fetch(nullptr, "AES-128-SIV", nullptr));
  return key_size == 32 ? siv128.get() : siv256.get();
}

const unsigned char* bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

unsigned char* bytes(std::string& s) {
  return reinterpret_cast<unsigned char*>(s.data());
}

// Starts an encryption or decryption with the associated data fed in.
ContextPtr start(const std::string& key, std::string_view associated,
                 bool encrypt) {
  ContextPtr ctx(EVP_CIPHER_CTX_new());
  int unused = 0;
  bool ok =
      ctx && EVP_CipherInit_ex2(ctx.get(), aes_siv(key.size()), bytes(key),
                                nullptr, encrypt ? 1 : 0, nullptr) == 1;
  ok = ok && EVP_CipherUpdate(ctx.get(), nullptr, &unused, bytes(associated),
                              static_cast<int>(associated.size())) == 1;
  return ok ? std::move(ctx) : nullptr;
}

} // namespace

SivCipher::SivCipher(std::string key) : m_key(std::move(key)) {
  if (m_key.size() != k_key_size && m_key.size() != 32) {
    throw UsageError("the encrypt style needs a 64-byte AES-256-SIV key");
  }
  if (aes_siv(m_key.size()) == nullptr) {
    throw UsageError("the encrypt style needs AES-SIV from OpenSSL 3 "
                     "(this libcrypto has none)");
  }
}

std::string SivCipher::seal(std::string_view associated,
                            std::string_view plaintext) const {
  ContextPtr ctx = start(m_key, associated, true);
  std::string out(k_tag_size + plaintext.size(), '\0');
  int length = 0;
  bool ok = ctx != nullptr;
  // SIV takes the whole plaintext in one update: it needs all of it to
  // compute the IV before encrypting.
  ok = ok && EVP_CipherUpdate(ctx.get(), bytes(out) + k_tag_size, &length,
                              bytes(plaintext),
                              static_cast<int>(plaintext.size())) == 1;
  ok = ok && EVP_CipherFinal_ex(ctx.get(), nullptr, &length) == 1;
  ok = ok && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_GET_TAG,
                                 static_cast<int>(k_tag_size), bytes(out)) == 1;
  if (!ok) {
    throw UsageError("AES-256-SIV encryption failed");
  }
  return out;
}

std::optional<std::string> SivCipher::open(std::string_view associated,
                                           std::string_view sealed) const {
  if (sealed.size() < k_tag_size) {
    return std::nullopt;
  }
  ContextPtr ctx = start(m_key, associated, false);
  std::string tag(sealed.substr(0, k_tag_size));
  std::string_view body = sealed.substr(k_tag_size);
  std::string out(body.size(), '\0');
  int length = 0;
  bool ok = ctx != nullptr;
  ok = ok && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_TAG,
                                 static_cast<int>(k_tag_size), bytes(tag)) == 1;
  ok = ok && EVP_CipherUpdate(ctx.get(), bytes(out), &length, bytes(body),
                              static_cast<int>(body.size())) == 1;
  ok = ok && EVP_CipherFinal_ex(ctx.get(), nullptr, &length) == 1;
  if (!ok) {
    return std::nullopt;
  }
  return out;
}

} // namespace veil
