#include "actions/keyed_hash.hpp"

#include "actions/key_material.hpp"

#include <openssl/core_names.h>
#include <openssl/evp.h>

#include <array>
#include <atomic>
#include <mutex>
#include <stdexcept>

namespace veil {

const std::string_view k_public_salt = "veil-public-fingerprint-salt-v1";

namespace {

struct MacDeleter {
  void operator()(EVP_MAC* mac) const { EVP_MAC_free(mac); }
  void operator()(EVP_MAC_CTX* ctx) const { EVP_MAC_CTX_free(ctx); }
};
using MacContext = std::unique_ptr<EVP_MAC_CTX, MacDeleter>;

[[noreturn]] void fail() {
  throw std::runtime_error("libcrypto: HMAC-SHA256 is not available");
}

const unsigned char* bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

// HMAC() looks the algorithms up and sets the key on every call, twice the
// time of hashing a short value; a keyed context copied per value does not.
MacContext keyed_context(const std::string& key) {
  std::unique_ptr<EVP_MAC, MacDeleter> mac(
      EVP_MAC_fetch(nullptr, OSSL_MAC_NAME_HMAC, nullptr));
  MacContext ctx(mac ? EVP_MAC_CTX_new(mac.get()) : nullptr);
  char digest[] = OSSL_DIGEST_NAME_SHA2_256;
  const OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
      OSSL_PARAM_construct_end()};
  if (!ctx || !EVP_MAC_init(ctx.get(), bytes(key), key.size(), params)) {
    fail();
  }
  return ctx;
}

std::atomic<uint64_t> g_next_key_id{1};

// Each thread's copy of the keyed contexts it used last: EVP_MAC_init with
// no key starts a copy over from its key (0.2 us) where a fresh copy per
// value took 0.5. Found by the key's id, not its address, which a later
// KeyedHash may reuse.
struct ThreadContexts {
  struct Slot {
    uint64_t id = 0;
    MacContext ctx;
  };
  std::array<Slot, 2> slots; // fingerprints, and the `hash` style's key
  size_t next = 0;

  EVP_MAC_CTX* get(uint64_t id, const EVP_MAC_CTX* keyed) {
    for (Slot& slot : slots) {
      if (slot.id == id) {
        return slot.ctx.get();
      }
    }
    Slot& slot = slots[next++ % slots.size()];
    slot.ctx.reset(EVP_MAC_CTX_dup(keyed));
    slot.id = slot.ctx ? id : 0;
    return slot.ctx.get();
  }
};

} // namespace

struct KeyedHash::Keyed {
  std::once_flag once;
  MacContext ctx;
  uint64_t id = g_next_key_id.fetch_add(1, std::memory_order_relaxed);
};

KeyedHash::KeyedHash(std::string key)
    : m_key(std::move(key)), m_keyed(std::make_unique<Keyed>()) {}
KeyedHash::KeyedHash(KeyedHash&&) noexcept = default;
KeyedHash& KeyedHash::operator=(KeyedHash&&) noexcept = default;
KeyedHash::~KeyedHash() = default;

std::string KeyedHash::hex(std::string_view a, std::string_view b) const {
  std::call_once(m_keyed->once, [&] { m_keyed->ctx = keyed_context(m_key); });
  // Copying only reads the keyed context, so threads share it.
  thread_local ThreadContexts contexts;
  EVP_MAC_CTX* ctx = contexts.get(m_keyed->id, m_keyed->ctx.get());
  unsigned char digest[EVP_MAX_MD_SIZE];
  size_t length = 0;
  if (ctx == nullptr || !EVP_MAC_init(ctx, nullptr, 0, nullptr) ||
      !EVP_MAC_update(ctx, bytes(a), a.size()) ||
      !EVP_MAC_update(ctx, bytes(std::string_view("\0", 1)), 1) ||
      !EVP_MAC_update(ctx, bytes(b), b.size()) ||
      !EVP_MAC_final(ctx, digest, &length, sizeof digest)) {
    fail();
  }
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * length);
  for (size_t i = 0; i < length; ++i) {
    out += k_hex[digest[i] >> 4];
    out += k_hex[digest[i] & 15];
  }
  return out;
}

std::string load_key(const std::string& key_file) {
  return read_master_key(key_file).value_or(std::string(k_public_salt));
}

} // namespace veil
