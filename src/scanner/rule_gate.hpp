// One RE2::Set over rules that are candidates on most texts, in two kinds:
// the frequent rules, with no keyword or a one-byte keyword (cards, phones,
// national ids, IBANs, IP and MAC addresses, crypto addresses: 22 built-in
// rules), and the injection phrases, whose keywords are everyday words
// ("ignore", "previous", "you"): a long text holds most of them. One pass
// over a text tells which rules of the set match anywhere in it; the
// scanner then runs alone only those that do. The 42 injection rules took
// 430 ms one by one over 127 prompts of ~55 KB, and 16 ms as one set. A set
// of each kind, as one DFA over both made the frequent rules' pass slower
// (the bench corpus 10 % slower in all), and phrase candidates are many only
// in long texts (worth()).
//
// The set holds each rule's finding pattern (finding_pattern.hpp: its regex
// without the branches that swallow look-alikes), so a text whose only
// matches are decoys (a UUID for pii.us_itin, a version number for
// pii.ipv4) does not run the rule either. A rule the set says does not
// match has no match that gives a finding in the text, so the findings are
// the same; on the bench corpus the gated frequent rules ran on 3 of 4
// texts and matched on a few in a hundred.
//
// The set is compiled when first wanted once a run has scanned k_warm_bytes
// of text, a quarter of that for the phrase set (a pre-commit run on a few
// files never pays for it), or at once with build_now(). Rules whose required
// context gates them, and rules whose programs are huge (their DFA states
// would crowd the set's), stay out. When the set's DFA runs out of memory on a
// text, every rule runs.
#pragma once

#include "scanner/compiled_rule.hpp"
#include "scanner/superset_dfa.hpp"

#include <re2/set.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <string_view>
#include <vector>

namespace veil {

class RuleGate {
public:
  static constexpr uint64_t k_warm_bytes = 1 << 20;

  enum class Kind { frequent, phrases }; // RuleSet::gate(kind)
  RuleGate(const std::vector<std::unique_ptr<CompiledRule>>& rules, Kind kind);
  RuleGate(const RuleGate&) = delete;
  RuleGate& operator=(const RuleGate&) = delete;

  // Per-thread state: one per Scanner.
  struct Scratch {
    std::vector<int> hits;
    std::vector<uint8_t> matched; // by rule index
    bool ran = false;
    bool decided = false;
    SupersetDfa::Cache screen;           // the screen's states
    std::vector<std::string_view> texts; // screen(): its texts
    std::vector<uint8_t> maybe;          // screen(): 1 where RE2 must run
  };

  // Counts text towards the warm-up; true once the set is built. After the
  // warm-up the first call that `wants` the set builds it: a run whose
  // texts never want it never compiles it.
  bool ready(size_t text_bytes, bool wants = true) const {
    return m_ready.load(std::memory_order_acquire) ||
           warm_up(text_bytes, wants);
  }
  // Builds the set now (tests, `veil rules test`).
  void build_now() const;

  // Once built: whether the set holds the rule.
  bool gated(size_t rule) const { return m_gated[rule] != 0; }
  // Whether the rule is of the gate's kind: built or not, the set holds it
  // unless its program is too large for it.
  bool of_kind(size_t rule) const { return m_of_kind[rule] != 0; }
  // Whether one pass over a text of `bytes` pays when `spared` of its rules
  // would run there: a pass of the set costs about what two searches do, of
  // its screen less than one, and a pass of the phrase set on a short text
  // more than its phrases' searches.
  bool worth(size_t spared, size_t bytes) const {
    return m_kind == Kind::frequent
               ? spared >= (screened() ? 1 : 2)
               : spared >= k_phrases_spared && bytes >= k_phrases_bytes;
  }
  // Whether a gated rule may give a finding in text (its finding pattern
  // matches): runs the set on the first question after begin().
  void begin(Scratch& scratch) const;
  bool may_match(std::string_view text, size_t rule, Scratch& scratch) const;
  // The set's pass on its own: the set indexes of the rules that match in
  // text into hits. False when the set could not decide (out of memory):
  // every rule may match.
  bool run(std::string_view text, std::vector<int>& hits) const;
  // Before run() on each of texts: scratch.maybe[i] is 0 where the set
  // cannot match texts[i] (the screen, below, says so), 1 where run() must
  // decide.
  void screen(std::span<const std::string_view> texts, Scratch& scratch) const;
  // Whether the set is built with a screen (every pattern translated).
  bool screened() const {
    return m_ready.load(std::memory_order_acquire) && m_screen != nullptr;
  }
  // After begin(): answers may_match() from an earlier run() on the text.
  void load(Scratch& scratch, std::span<const int> hits, bool decided) const;

private:
  // The phrase set: about 8,000 cycles a call and 9 a byte, against 1,500
  // and 4 for a phrase rule's search (on the bench corpus, with two phrase
  // rules to spare, its 11k passes of 190 bytes cost 90M cycles).
  static constexpr size_t k_phrases_spared = 4;
  static constexpr size_t k_phrases_bytes = 1024;
  bool warm_up(size_t text_bytes, bool wants) const;
  void build() const;
  void mark(Scratch& scratch) const; // matched[] from hits
  void build_screen(const std::vector<std::string>& patterns) const;

  const std::vector<std::unique_ptr<CompiledRule>>& m_rules;
  Kind m_kind;
  std::vector<uint8_t> m_of_kind; // by rule index
  mutable std::once_flag m_built;
  mutable std::unique_ptr<RE2::Set> m_set;
  // The frequent set's finding patterns as a SupersetDfa: most texts match
  // none, and it tells so in a third of the time RE2's DFA takes (four
  // texts walked side by side; 0.09 against 0.23 s over the bench corpus'
  // 69 MB of strings). Unset when a pattern has no superset.
  mutable std::unique_ptr<SupersetDfa> m_screen;
  mutable std::vector<uint8_t> m_gated;      // by rule index
  mutable std::vector<uint32_t> m_set_rules; // set index -> rule index
  mutable std::atomic<bool> m_ready{false};
  mutable std::atomic<uint64_t> m_bytes_seen{0};
};

} // namespace veil
