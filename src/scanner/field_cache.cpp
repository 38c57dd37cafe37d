#include "scanner/field_cache.hpp"

#include <cstring>

namespace veil {

namespace {
// Powers of two. On the bench corpus, 4,096 entries and 32,768 tags held
// fields making 30 % of its text bytes; these sizes 34 % (scan 0.98 of the
// time), four times more 35 %. The tables are calloc'd: a short run faults
// in only the pages its hashes land on.
constexpr size_t k_entries = 16384;
constexpr size_t k_seen = 262144;

// Heap bytes a string of `size` bytes (or capacity) holds: none while it
// fits in the string itself.
size_t string_bytes(size_t size) {
  return size > std::string().capacity() ? size : 0;
}

uint64_t mix(uint64_t h, uint64_t v) {
  return (h ^ v) * 0x9E3779B97F4A7C15ull;
}

// wyhash's step: a 128-bit product's halves folded together.
uint64_t fold_product(uint64_t a, uint64_t b) {
  __extension__ using Wide = unsigned __int128;
  Wide product = Wide(a) * b;
  return uint64_t(product) ^ uint64_t(product >> 64);
}

uint64_t load(const char* p, size_t bytes) {
  uint64_t v = 0;
  std::memcpy(&v, p, bytes);
  return v;
}

// Every text looked up is hashed whole: 16 bytes a multiply (std::hash,
// Murmur, took twice as long). A hit compares the texts, so the hash need
// only spread texts well, as wyhash does.
uint64_t hash_bytes(std::string_view s) {
  constexpr uint64_t k_a = 0xa0761d6478bd642full;
  constexpr uint64_t k_b = 0xe7037ed1a0b428dbull;
  const char* p = s.data();
  size_t n = s.size();
  uint64_t h = k_a ^ n;
  for (; n > 16; p += 16, n -= 16) {
    h = fold_product(load(p, 8) ^ k_b, load(p + 8, 8) ^ h);
  }
  uint64_t a = 0;
  uint64_t b = 0;
  if (n >= 8) {
    a = load(p, 8);
    b = load(p + n - 8, 8);
  } else if (n >= 4) {
    a = load(p, 4);
    b = load(p + n - 4, 4);
  } else if (n > 0) {
    a = uint64_t(uint8_t(p[0])) << 16 | uint64_t(uint8_t(p[n / 2])) << 8 |
        uint8_t(p[n - 1]);
  }
  return fold_product(k_b ^ s.size(), fold_product(a ^ k_b, b ^ h));
}
} // namespace

uint64_t FieldCache::hash_of(const Key& key) {
  uint64_t v = mix(hash_bytes(key.text), hash_bytes(key.json_key));
  v = mix(v, hash_bytes(key.model_hint));
  v = mix(v, uint64_t(key.direction));
  return v ^ (v >> 29);
}

bool FieldCache::same(const Entry& entry, const Key& key) {
  return entry.text == key.text && entry.json_key == key.json_key &&
         entry.model_hint == key.model_hint && entry.direction == key.direction;
}

void FieldCache::allocate() {
  if (m_entries.empty()) {
    m_hashes.reset(
        c_allocated<uint64_t>(std::calloc(k_entries, sizeof(uint64_t))));
    m_seen.reset(c_allocated<uint32_t>(std::calloc(k_seen, sizeof(uint32_t))));
    m_entries.resize(k_entries);
  }
}

void FieldCache::find(std::span<const Key> keys, std::vector<Lookup>& out) {
  allocate();
  out.assign(keys.size(), Lookup{});
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i].text.size() <= k_max_text) {
      const uint64_t hash = hash_of(keys[i]);
      out[i].hash = hash;
      __builtin_prefetch(&m_hashes[hash & (k_entries - 1)]);
      __builtin_prefetch(&m_entries[hash & (k_entries - 1)]);
      __builtin_prefetch(&m_seen[hash & (k_seen - 1)]);
    }
  }
  for (const Lookup& lookup : out) {
    if (const Entry* entry = stored(lookup.hash)) {
      __builtin_prefetch(entry);
    }
  }
  for (const Lookup& lookup : out) {
    if (const Entry* entry = stored(lookup.hash)) {
      __builtin_prefetch(entry->text.data());
    }
  }
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i].text.size() <= k_max_text) {
      out[i] = probe(keys[i], out[i].hash);
    }
  }
}

const FieldCache::Entry* FieldCache::stored(uint64_t hash) const {
  const size_t slot = hash & (k_entries - 1);
  return m_hashes[slot] == hash ? m_entries[slot].get() : nullptr;
}

FieldCache::Lookup FieldCache::probe(const Key& key, uint64_t hash) {
  Lookup lookup;
  lookup.hash = hash;
  const Entry* entry = stored(hash);
  if (entry != nullptr && same(*entry, key)) {
    lookup.matches = &entry->matches;
    return lookup;
  }
  // The high half tells texts of the same slot apart.
  uint32_t tag = uint32_t(lookup.hash >> 32);
  uint32_t& seen = m_seen[lookup.hash & (k_seen - 1)];
  lookup.store = seen == tag;
  seen = tag;
  return lookup;
}

size_t FieldCache::held_bytes(const Entry& entry) {
  auto held = [](const std::string& s) { return string_bytes(s.capacity()); };
  return held(entry.text) + held(entry.json_key) + held(entry.model_hint) +
         entry.matches.capacity() * sizeof(Match);
}

size_t FieldCache::bytes() const {
  size_t held = 0;
  for (const std::unique_ptr<Entry>& entry : m_entries) {
    held += entry ? held_bytes(*entry) : 0;
  }
  return held;
}

void FieldCache::store(const Key& key, uint64_t hash,
                       std::span<const Match> matches) {
  const size_t slot = hash & (k_entries - 1);
  std::unique_ptr<Entry>& entry = m_entries[slot];
  // Matches count too: a text dense with findings holds more than its own
  // bytes. The entry is made anew, not assigned to: a string keeps its
  // buffer when given a shorter text (moved from a short one too), so each
  // slot would hold the longest text it ever had (up to k_max_text in each
  // of k_entries slots) while the count saw only the current one.
  const size_t new_bytes =
      string_bytes(key.text.size()) + string_bytes(key.json_key.size()) +
      string_bytes(key.model_hint.size()) + matches.size() * sizeof(Match);
  const size_t bytes = m_bytes - (entry ? held_bytes(*entry) : 0) + new_bytes;
  if (bytes > k_max_bytes) {
    return;
  }
  m_bytes = bytes;
  m_hashes[slot] = hash;
  entry = std::make_unique<Entry>(
      Entry{std::string(key.text), std::string(key.json_key),
            std::string(key.model_hint), key.direction,
            std::vector<Match>(matches.begin(), matches.end())});
  for (Match& m : entry->matches) {
    m.field = 0;
  }
}

} // namespace veil
