// A DFA of veil's own that tells, for a set of byte_superset() patterns,
// whether any of them matches anywhere in a text. RE2's DFA walks a text
// at about 4 cycles a byte at best, and most of a text's frequent-rule gate
// (rule_gate.hpp) is that walk over texts where nothing matches. This one
// walks a table of 32-bit entries indexed by state and byte class, four
// texts side by side, and only says "no" or "maybe": the patterns are
// supersets of the rules' regexes (bounded repeats of more than
// k_max_copies copies read as unbounded), so "no" is exact and "maybe"
// sends the text to RE2, which decides. \b, ^, $ and their (?m) forms are
// kept as RE2 reads them (\b by ASCII word bytes): without them digit
// patterns would match inside every longer number.
//
// States are built lazily from the Thompson NFA, as a text first reaches
// them, in a per-thread Cache (no lock: RE2's shared DFA takes one on every
// search, which two threads contend for); a full cache answers "maybe" and
// starts again empty on the next text.
#pragma once

#include "scanner/byte_superset.hpp"

#include <array>
#include <bitset>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace veil {

class SupersetDfa {
public:
  // nullptr when a pattern is not in byte_superset() syntax or the NFA
  // would be too large.
  static std::unique_ptr<SupersetDfa>
  build(std::span<const std::string> patterns);

  // The states a thread has built so far.
  class Cache {
  public:
    size_t states() const { return kernels.size(); }
    // About what its states take; past k_max_bytes the cache is full.
    size_t bytes() const { return used; }
    bool full() const { return is_full; }

  private:
    friend class SupersetDfa;
    std::vector<uint32_t> table; // rows: per state (SupersetDfa::row_width)
    std::vector<std::vector<uint32_t>> kernels; // per state: its NFA nodes
    std::vector<uint8_t> before;                // per state: k_word...
    // Per state and kind of the byte that follows: its closure's byte-set
    // nodes in `closures`, or k_unknown_closure, or k_match_closure.
    std::vector<std::array<int32_t, 4>> closure_ids;
    std::vector<std::vector<uint32_t>> closures;
    std::vector<uint32_t> kernel;                  // transition()'s
    std::unordered_map<std::string, uint32_t> ids; // kernel key -> state
    std::vector<uint32_t> visited;                 // per NFA node
    uint32_t generation = 0;
    std::vector<uint32_t> stack;
    std::string key;
    size_t used = 0;
    bool is_full = false; // the next text starts again
  };

  // False when no pattern matches in text, true when one may.
  bool may_match(std::string_view text, Cache& cache) const;
  // The same for each text, into out (1: may match): four texts are walked
  // side by side.
  void may_match(std::span<const std::string_view> texts,
                 std::vector<uint8_t>& out, Cache& cache) const;

  // A cache that would grow past either answers "maybe" for the rest of
  // the text and starts again empty. The frequent rule gate's patterns
  // reach about 1,700 states (1 MB) over the bench corpus.
  static constexpr size_t k_max_states = 10000;
  static constexpr size_t k_max_bytes = 8 << 20;
  // Bounded repeats up to this many copies are unrolled exactly.
  static constexpr int k_max_copies = 40;
  // The byte_superset() form to write patterns in for build().
  static constexpr SupersetForm k_form{k_max_copies, true, true};

  struct Node {
    enum class Kind : uint8_t {
      bytes,
      split,
      empty,
      match,
      boundary,   // \b
      line_start, // (?m:^)
      line_end,   // (?m:$)
      text_start, // ^
      text_end,   // $
    };
    Kind kind = Kind::empty;
    uint32_t out = 0;
    uint32_t out1 = 0; // split only
    uint32_t set = 0;  // bytes only: index into m_sets
  };

private:
  SupersetDfa() = default;
  friend class SupersetCompiler;

  static constexpr uint32_t k_unknown = UINT32_MAX;
  static constexpr uint32_t k_full = UINT32_MAX - 1;
  static constexpr size_t k_state_bytes = 96; // its key in ids, its vectors
  // A row: an entry per class, then whether the state matches at the end.
  size_t row_width() const { return m_classes + 1; }
  uint32_t maybe_row() const { return uint32_t(row_width()); }

  void start(Cache& cache) const;
  bool ends(Cache& cache, size_t row) const;
  uint32_t slow_step(Cache& cache, size_t row, unsigned char c) const;

  void make_classes();
  // What the byte before a state was: its kinds, for the assertions.
  static constexpr uint8_t k_word = 1;  // a word byte
  static constexpr uint8_t k_line = 2;  // '\n'
  static constexpr uint8_t k_start = 4; // none: the text's start
  static uint8_t after(unsigned char c);
  uint32_t find_state(Cache& cache, std::vector<uint32_t>& kernel,
                      uint8_t before) const;
  static constexpr int k_next_other = 0;
  static constexpr int k_next_word = 1;
  static constexpr int k_next_line = 2;
  static constexpr int k_next_end = 3;
  static constexpr int32_t k_unknown_closure = -1;
  static constexpr int32_t k_match_closure = -2;
  static constexpr std::array<int32_t, 4> k_no_closures{-1, -1, -1, -1};
  static int next_kind(int next);
  const std::vector<uint32_t>* consumers(Cache& cache, uint32_t state,
                                         int kind) const;
  int32_t closure(Cache& cache, uint32_t state, int kind) const;
  uint32_t transition(Cache& cache, uint32_t state, unsigned char c) const;
  bool matches_at_end(Cache& cache, uint32_t state) const;
  void reset(Cache& cache) const;

  std::vector<Node> m_nodes;
  std::vector<std::bitset<256>> m_sets;
  uint32_t m_start = 0;
  std::array<uint8_t, 256> m_class{};
  size_t m_classes = 0;
};

} // namespace veil
