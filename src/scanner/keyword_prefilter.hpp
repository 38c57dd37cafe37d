// The cheap first pass of the scanner: one Aho-Corasick walk over a text,
// case-insensitive for ASCII, tells which rules have one of their keywords
// in it. Only those rules (plus rules without keywords) run their regex.
// Built once; immutable and shared by all workers.
#pragma once

#include "core/once_flag.hpp"

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace veil {

class KeywordPrefilter {
public:
  // keywords[i] lists the keywords of list i (lowercase); an empty list is
  // a hit on every text.
  explicit KeywordPrefilter(
      const std::vector<std::vector<std::string>>& keywords);

  // Appends to hits every list i with a keyword in text, once, and sets
  // seen[i]. seen holds one zero per list on entry; the caller clears the
  // entries of hits again (a text touches few lists of many).
  void candidates(std::string_view text, std::vector<uint8_t>& seen,
                  std::vector<uint32_t>& hits) const;
  // The same without the lists that hit every text.
  void matches(std::string_view text, std::vector<uint8_t>& seen,
               std::vector<uint32_t>& hits) const;

  // The walk of the ASCII keywords' automaton, for many texts at once: a
  // short text's walk waits on each byte's table lookup in turn, and a walk
  // between other work finds the table out of cache. Per-thread scratch.
  struct Walks {
    std::vector<uint32_t> side_by_side; // the short texts, by index
    // (text, state) for each of their bytes where keywords end.
    std::vector<std::pair<uint32_t, uint32_t>> endings;
  };
  // The automaton's lists in each text, the ones matches() finds (not
  // always in its order): texts[i]'s are hits[ends[i - 1], ends[i]). seen
  // as for matches(), left clear.
  void ascii_matches(std::span<const std::string_view> texts, Walks& walks,
                     std::vector<uint8_t>& seen, std::vector<uint32_t>& hits,
                     std::vector<uint32_t>& ends) const;
  // matches() with the automaton's lists given, from ascii_matches().
  void matches(std::string_view text, std::span<const uint32_t> ascii_hits,
               std::vector<uint8_t>& seen, std::vector<uint32_t>& hits) const;
  size_t size() const { return m_rule_count; }
  // The lists without keywords: candidates() hits them on every text.
  const std::vector<uint32_t>& always() const { return m_always; }

private:
  // One Aho-Corasick automaton over some of the keywords.
  class Automaton {
  public:
    // keywords[i] lists the keywords of list i that this automaton holds.
    explicit Automaton(const std::vector<std::vector<std::string>>& keywords);
    void matches(std::string_view text, std::vector<uint8_t>& seen,
                 std::vector<uint32_t>& hits) const;
    // KeywordPrefilter::ascii_matches().
    void matches(std::span<const std::string_view> texts, Walks& walks,
                 std::vector<uint8_t>& seen, std::vector<uint32_t>& hits,
                 std::vector<uint32_t>& ends) const;

  private:
    struct Trie {
      static constexpr uint32_t k_none = UINT32_MAX;
      struct Edge {
        uint8_t cls;
        uint32_t target;
        uint32_t sibling; // next edge of the same state, or k_none
      };
      std::vector<uint32_t> first_child; // per state: an edge, or k_none
      std::vector<Edge> edges;
    };
    Trie build_trie(const std::vector<std::vector<std::string>>& keywords);
    template <typename Entry>
    static constexpr Entry output_bit() {
      return Entry(1) << (8 * sizeof(Entry) - 1);
    }
    // The scan loop's table: 16-bit entries when the states allow (the
    // ASCII keywords' table is 0.75 MB so), rows in blocks of k_block
    // classes, a power of two: the next row is the state times a constant.
    // The bytes most texts are made of have the first classes, so a walk
    // reads the first block of most rows (1 in 7 fewer cache misses on the
    // bench corpus than with classes in the keywords' order).
    static constexpr size_t k_block = 32;
    template <typename Entry>
    std::vector<Entry> scan_table(const Trie& trie);
    void report(size_t state, std::vector<uint8_t>& seen,
                std::vector<uint32_t>& hits) const;
    template <typename Entry>
    void walk(const std::vector<Entry>& rows, std::string_view text,
              std::vector<uint8_t>& seen, std::vector<uint32_t>& hits) const;
    template <size_t N, typename Step>
    static bool walk_in_parts(std::string_view text, size_t back, Step step);
    // Whether walk() cuts a text of this size into four parts (the others
    // are walked side by side, whole).
    bool walks_in_parts(size_t bytes) const {
      return bytes / 4 >= k_min_split && bytes / 4 > m_longest - 1;
    }
    // Walks the texts walks.side_by_side names four at a time, one step of
    // each in turn, into walks.endings.
    template <typename Entry>
    void walk_side_by_side(const std::vector<Entry>& rows,
                           std::span<const std::string_view> texts,
                           Walks& walks) const;

    // Bytes that occur in no keyword share one class, so a state's row has
    // one entry per class, not 256.
    std::array<uint8_t, 256> m_class{};
    size_t m_classes = 1;
    std::array<uint32_t, 256> m_offset{}; // per byte: its class's entry
    std::vector<uint16_t> m_rows16;       // one of the two is the scan table
    std::vector<uint32_t> m_rows32;
    std::vector<std::vector<uint32_t>> m_lists; // per state: keywords ending
    size_t m_longest = 1;                       // the longest keyword's bytes
    // The shortest part walk_in_parts() cuts a text into: texts shorter
    // than twice this are walked in one piece.
    static constexpr size_t k_min_split = 64;
  };

  // Keywords of one byte that is not a letter, eight bytes to a group
  // (bytes_present() looks for eight in one pass).
  static constexpr size_t k_group = 8;
  struct ByteKeywords {
    std::array<uint8_t, k_group> bytes{};
    std::array<std::vector<uint32_t>, k_group> lists; // per byte
    size_t count = 0;
  };
  void add_byte_keyword(uint8_t byte, uint32_t list);
  // matches() after the ASCII automaton's walk.
  void matches_after_ascii(std::string_view text, std::vector<uint8_t>& seen,
                           std::vector<uint32_t>& hits) const;
  std::vector<ByteKeywords> m_bytes;

  // Two automata: the other ASCII keywords (most: 62 byte classes instead of
  // 148, so the tables built at every start are a third of the size), and the
  // rest, which only a text with a non-ASCII byte can hold: built when the
  // first such text comes (an all-ASCII run never pays for it).
  Automaton m_ascii;
  std::vector<std::vector<std::string>> m_other_keywords;
  mutable OnceFlag m_other_built;
  mutable std::unique_ptr<Automaton> m_other;
  std::vector<uint32_t> m_always; // rules without keywords
  size_t m_rule_count = 0;
};

} // namespace veil
