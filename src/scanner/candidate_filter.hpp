// Which rules may match a text: the scanner runs RE2 only for those.
//
// Two ways to the same answer. The keyword prefilter (Aho-Corasick) selects
// rules whose keywords occur; rules without keywords run everywhere. With
// Vectorscan, one pass over the text also tells which rules' regexes can
// match at all (each regex rewritten to a byte-level superset, see
// byte_superset.hpp), so a rule runs only when its keyword occurs and its
// regex may match. Either way RE2 decides every match, so the findings are
// identical; only the number of rules RE2 runs on differs. Either way a
// rule whose every match holds n digits (or capitals, or non-ASCII
// characters) is skipped on texts with fewer: cards, phones and national
// ids have no keyword, and most texts have few digits.
//
// The Vectorscan database is built in a background thread once a run has
// scanned k_warm_bytes (or taken from the on-disk cache); until then, and
// for text that is not valid UTF-8, the keyword prefilter answers. Short
// runs (a pre-commit hook, `veil --version`) never compile anything.
// The Vectorscan path is opt-in for now: VEIL_VECTORSCAN=1 in the
// environment builds it in the background, VEIL_VECTORSCAN=sync before the
// first text is scanned. On the bench corpus the digit-driven PII rules and
// catch-all rules still reach RE2 on most texts, so it is not faster yet.
#pragma once

#include "core/once_flag.hpp"
#include "core/recent.hpp"
#include "scanner/ascii.hpp"
#include "scanner/byte_superset.hpp"
#include "scanner/keyword_prefilter.hpp"
#include "scanner/vectorscan_db.hpp"

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace veil {

class CompiledRule;

class CandidateFilter {
public:
  struct Rule {
    std::string regex;                 // RE2 syntax
    int group = 0;                     // the capture group that is a finding
    std::vector<std::string> keywords; // lowercase; empty: none needed
    // When context is required: its words (a finding needs one in the
    // text, the JSON key or the model name). Empty: no such need.
    std::vector<std::string> context_words;
    // The rule's compiled form, when there is one: it works out the counts
    // a finding needs once for both (nullptr: from regex, here).
    const CompiledRule* compiled = nullptr;
  };
  // A rule to run on a text.
  struct Candidate {
    uint32_t rule;
    // The rule's required context words are not in the text but in the
    // JSON key or the model name: has_context() decides.
    bool context_outside = false;
  };
  // A text and where else its rules' context words may be.
  struct Text {
    std::string_view text;
    std::string_view key;   // last segment of the JSON key
    std::string_view model; // the record's model name
    // Keep rules whose required context is nowhere, so that --explain can
    // say the context check dropped their matches.
    bool keep_without_context = false;
    // The keyword automaton's lists in text when already found
    // (keyword_walks()).
    std::optional<std::span<const uint32_t>> walked;
  };
  static constexpr uint64_t k_warm_bytes = 1 << 20;

  explicit CandidateFilter(const std::vector<Rule>& rules);
  ~CandidateFilter();
  CandidateFilter(const CandidateFilter&) = delete;
  CandidateFilter& operator=(const CandidateFilter&) = delete;

  // Per-thread state: one per Scanner.
  class Scratch {
  private:
    friend class CandidateFilter;
    VectorscanDb::Scratch db;
    std::vector<uint8_t> seen;
    std::vector<uint32_t> hits;
    std::vector<uint64_t> rules; // a bit per rule hit, cleared after use
    // The keyword lists in the last JSON keys and model names seen: a
    // record's fields take turns among a few dozen keys ("role", "content",
    // "name"...), and each repeats from record to record. With 8 entries,
    // the bench corpus's keys made one look-up in five walk its key again;
    // with 32, 45 walks in all.
    struct Seen {
      std::string text;
      std::vector<uint32_t> lists;
    };
    using Memo = Recent<Seen, 32>;
    Memo key;
    Memo model;
    std::vector<uint8_t> keyword_ok;
    std::vector<uint8_t> regex_ok;
    KeywordPrefilter::Walks walks;
  };

  // The rules to run on text, in rule order.
  void candidates(const Text& text, Scratch& scratch,
                  std::vector<Candidate>& out) const;
  // The keyword automaton's walk of many texts at once, for Text::walked:
  // texts[i]'s lists are hits[ends[i - 1], ends[i]).
  void keyword_walks(std::span<const std::string_view> texts, Scratch& scratch,
                     std::vector<uint32_t>& hits,
                     std::vector<uint32_t>& ends) const;

  // Builds the Vectorscan database now, in this thread, whatever the
  // environment says (tests, benchmarks). False without Vectorscan.
  bool build_now() const;

private:
  struct Shared;
  void warm_up(size_t bytes) const;

  // The keyword prefilter's answer, less the rules without keywords that
  // need more than `has` (the text's counts).
  void keyword_candidates(const Text& text, const ByteCounts& has,
                          Scratch& scratch, std::vector<Candidate>& out) const;
  // The keyword lists with a word in text, through memo.
  const std::vector<uint32_t>& lists_in(std::string_view text,
                                        Scratch::Memo& memo,
                                        std::vector<uint8_t>& seen) const;
  // Removes the candidates whose context words are neither in the text
  // nor in its key or model name.
  void drop_without_context(const Text& text, Scratch& scratch,
                            std::vector<Candidate>& out) const;
  // Removes the rules that need more digits, capitals, non-ASCII
  // characters or bytes than text has.
  void drop_by_counts(const ByteCounts& has, size_t bytes,
                      std::vector<Candidate>& out) const;

  // The rules without keywords, candidates on every text, are most of a
  // short text's candidates, and its counts rule most of them out: as bits
  // by rule, for each count the rules each need allows, so that they are
  // ruled out together before they are listed (worked out when first
  // wanted, as their counts are).
  class AlwaysByCounts {
  public:
    // From each rule's needs, for rule_count rules in all.
    void build(const std::vector<std::pair<uint32_t, MinCounts>>& needs,
               size_t rule_count);
    // ORs into bits the rules that a text with these counts may hold.
    void allow(const std::array<size_t, 4>& has,
               std::vector<uint64_t>& bits) const;

  private:
    struct Count {
      std::vector<size_t> needs; // distinct, ascending
      // By need: the rules that need no more, a bit each.
      std::vector<std::vector<uint64_t>> rules;
    };
    std::array<Count, 4> m_counts;
  };
  const AlwaysByCounts& always_by_counts() const;
  mutable OnceFlag m_always_built;
  mutable AlwaysByCounts m_always;

  // List i holds rule i's keywords; list rule count + m_context_list[i]
  // its required context words, when it has some.
  KeywordPrefilter m_keywords;
  std::vector<int32_t> m_context_list; // -1: none
  // What each rule's findings must hold, worked out from its regex when the
  // rule is first a candidate (for all 417 rules it took 15 ms at start).
  // Asked for every candidate of every text: once known, one load.
  const MinCounts& min_counts_of(uint32_t rule) const {
    const MinCounts* known =
        m_known_counts[rule].load(std::memory_order_acquire);
    return known != nullptr ? *known : count(rule);
  }
  const MinCounts& count(uint32_t rule) const;
  mutable std::unique_ptr<std::atomic<const MinCounts*>[]> m_known_counts;
  mutable std::unique_ptr<OnceFlag[]> m_counted;
  mutable std::vector<MinCounts> m_min_counts; // per rule, without `compiled`

  std::shared_ptr<Shared> m_shared; // also held by the building thread
  mutable std::atomic<uint64_t> m_bytes_seen{0};
};

} // namespace veil
