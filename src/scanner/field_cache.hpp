// Remembers the matches of field texts a worker has met more than once.
// Chat logs repeat the same system prompts, tool definitions, few-shot
// turns and role names across millions of records; each repeat is looked
// up instead of scanned. A field's matches depend on its text, its JSON key
// (context words), its direction (rules for input or output) and the
// record's model hint (context), so all four make the key; nothing else of
// the record reaches the scanner's per-field stage.
//
// Direct-mapped and bounded: a text is stored on its second sighting (its
// first only leaves a hash in a small table), so a stream of unique texts
// neither fills the cache nor pushes out the texts that do repeat. One per
// Scanner (one per worker): no locks.
#pragma once

#include "core/c_alloc.hpp"
#include "core/finding.hpp"
#include "core/record.hpp"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace veil {

class FieldCache {
public:
  struct Key {
    std::string_view text;
    std::string_view json_key; // the field's last JSON key segment
    std::string_view model_hint;
    Direction direction = Direction::unknown;
  };

  // Texts longer than this are scanned every time: long texts rarely
  // repeat whole, and storing them would crowd out those that do.
  static constexpr size_t k_max_text = size_t{16} << 10;
  static constexpr size_t k_max_bytes = size_t{4} << 20;

  // What to do with a field: take its stored matches, or scan it (and
  // store() the result when `store`).
  struct Lookup {
    const std::vector<Match>* matches = nullptr; // stored matches, field 0
    bool store = false;
    uint64_t hash = 0;
  };
  // The look-ups of a group's fields, in turn, into out[i]. A field's
  // look-up waits on two or three cache misses (its slot, the entry, the
  // entry's text), because a group's other stages push the tables out
  // between fields: each kind of load is started for every key before the
  // first is waited on.
  void find(std::span<const Key> keys, std::vector<Lookup>& out);
  // The field's matches (any field index; stored as field 0).
  void store(const Key& key, uint64_t hash, std::span<const Match> matches);
  // Bytes the stored texts, keys and matches hold on the heap, counted
  // entry by entry (for checks: it walks every slot); the budget keeps it
  // at most k_max_bytes.
  size_t bytes() const;

private:
  struct Entry {
    std::string text;
    std::string json_key;
    std::string model_hint;
    Direction direction = Direction::unknown;
    std::vector<Match> matches;
  };
  static uint64_t hash_of(const Key& key);
  static size_t held_bytes(const Entry& entry);
  void allocate();
  // The entry in hash's slot when it holds that hash, else nullptr.
  const Entry* stored(uint64_t hash) const;
  Lookup probe(const Key& key, uint64_t hash);
  static bool same(const Entry& entry, const Key& key);

  // The tables come from calloc and entries are made when first stored:
  // zeroed pages are only faulted in where a hash lands, and a page of
  // memory first touched costs more than a one-line run's scanning.
  // Apart from the entries, so that a miss reads 8 bytes, not an entry.
  CBuffer<uint64_t[]> m_hashes;
  CBuffer<uint32_t[]> m_seen; // tags of hashes met once
  std::vector<std::unique_ptr<Entry>> m_entries;
  size_t m_bytes = 0; // bytes(), kept as entries are stored
};

} // namespace veil
