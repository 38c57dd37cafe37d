// Finds the Matches of a RuleSet in a Record: for each field, the keyword
// prefilter picks candidate rules, the rule gate and anchor windows narrow
// where they run, RE2 finds their matches, validators, entropy, allow-lists
// and context filter them, and overlaps are resolved.
// No I/O, no formatting. One Scanner per worker (it keeps scratch buffers).
#pragma once

#include "core/finding.hpp"
#include "core/record.hpp"
#include "scanner/anchor_windows.hpp"
#include "scanner/field_cache.hpp"
#include "scanner/rule_set.hpp"

#include <array>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace veil {

class PlaceholderProbe;

class Scanner {
public:
  // Matches below min_confidence (--min-confidence) are dropped before
  // overlaps are resolved, so they never hide a stronger match.
  explicit Scanner(const RuleSet& rules, double min_confidence = 0)
      : m_rules(rules), m_min_confidence(min_confidence) {}

  // Appends the record's matches, ordered by field then start.
  void scan(const Record& record, std::vector<Match>& out);
  // scan() on each record of a group (out[i] for records[i]; drops[i], when
  // given, as explain_into), stage by stage: the candidate filter, then the
  // rule gate, run over every field of the group before any rule does, and
  // then the rules one after another, each over all the windows of the
  // group it is to search. Alternating per field, the keyword automaton,
  // the gate's DFA and the rules' DFAs evict each other from the caches.
  void scan_group(std::span<const Record> records,
                  std::span<std::vector<Match>> out,
                  std::span<std::vector<Drop>> drops = {});

  // Every surviving match of one rule in one field, before overlap
  // resolution (used by `veil rules test`).
  void find(const CompiledRule& rule, const Record& record, uint32_t field,
            std::vector<Match>& out) const;

  // find() as scan() runs it: when the candidate filter selects the rule
  // for the field, and on the field's anchor windows only (`veil rules
  // test` checks examples this way).
  void find_if_selected(const CompiledRule& rule, const Record& record,
                        uint32_t field, std::vector<Match>& out);

  // Off: every field is scanned, none taken from the field cache (the
  // micro-benchmarks, which scan the same texts over and over).
  void use_cache(bool on) { m_use_cache = on; }

  // On: before a group's searches run, the rules they need that are not
  // compiled yet compile on two threads (compile_ahead.hpp). For runs that
  // may use more than one thread.
  void compile_ahead(bool on) { m_compile_ahead = on; }

  // --explain: candidates dropped by a check are appended here (nullptr:
  // not recorded).
  void explain_into(std::vector<Drop>* drops) { m_drops = drops; }

private:
  void note_drop(const CompiledRule& rule, uint32_t field, size_t start,
                 size_t end, const char* stage) const {
    if (m_drops != nullptr) {
      m_drops->push_back(
          Drop{&rule, field, uint32_t(start), uint32_t(end), stage});
    }
  }
  // The field's text, decoded from one of find_encoded()'s kinds: the
  // rules whose findings count in that reading.
  void scan_text(const Record& record, uint32_t field_index,
                 std::string_view reading, std::vector<Match>& out);
  // The selected ones of the field's candidates, on its text (already in
  // m_windows and the gate's scratch).
  void run_candidates(const Record& record, uint32_t field_index,
                      std::span<const CandidateFilter::Candidate> candidates,
                      unsigned gates, std::vector<Match>& out);
  // What the first two stages of scan_group() decided for one field.
  struct FieldPlan {
    uint32_t first = 0; // its candidates in m_planned
    uint32_t count = 0;
    unsigned gates = 0; // a bit per rule gate to ask (RuleGate::Kind)
    struct GatePass {
      uint32_t first_hit = 0; // its hits in m_planned_hits
      uint32_t hit_count = 0;
      bool decided = false; // false: the set ran out of memory, rules all run
    };
    std::array<GatePass, RuleSet::k_gates> passes;
    bool cached = false;       // its matches are m_cached[first, first + count)
    bool store = false;        // its matches go into m_cache
    uint64_t hash = 0;         // its m_cache hash
    uint32_t first_search = 0; // its searches in m_searches
    uint32_t search_count = 0;
  };
  // One RE2 search of scan_group(): a rule on a window of a field, and
  // where its matches went in m_found.
  struct Search {
    size_t record;
    uint32_t field;
    uint32_t rule;
    size_t from;
    size_t to;
    uint32_t first_found = 0;
    uint32_t found_count = 0;
    // compile_searched_rules() found the rule's superset nowhere in the
    // range: no match there, and no need to look again.
    bool ruled_out = false;
  };
  void plan_fields(std::span<const Record> records,
                   std::span<std::vector<Drop>> drops);
  // Every field of the group in m_cache, into m_lookups.
  void look_up(std::span<const Record> records);
  // A field's look-up into its plan: cached (its matches copied to
  // m_cached), or whether to store them.
  void take_lookup(const FieldCache::Lookup& found, FieldPlan& plan);
  // The record's model name as m_cache tells records apart: "" when it
  // holds no rule's context word, as then no finding depends on it.
  std::string_view model_key(const std::string& model_hint);
  void run_gate(std::span<const Record> records);
  // The set of gate k on the fields its screen let through.
  void run_gate_where_screened(const RuleGate& gate, size_t k,
                               std::span<const Record> records);
  // The searches of every field that is not cached, into m_searches.
  void plan_searches(std::span<const Record> records);
  // The searches, rule by rule (so that each rule's DFA stays in the caches
  // over its searches); in their order when explaining (drops stay in order).
  void run_searches(std::span<const Record> records,
                    std::span<std::vector<Drop>> drops);
  // compile_ahead() for the rules of m_searches that their supersets do not
  // rule out.
  void compile_searched_rules(std::span<const Record> records);
  // The rest of scan() for one record, from its fields' plans.
  void scan_planned(const Record& record, const FieldPlan* plans,
                    std::vector<Match>& out);
  // find() on the windows of the field where the rule can match (the
  // field's text must be in m_windows), cut at the bytes none of its
  // matches holds, unless the rule gate (when `gate`) says it cannot match
  // there.
  void find_windowed(const CompiledRule& rule, const Record& record,
                     uint32_t field_index, unsigned gates,
                     std::vector<Match>& out);
  // Calls search(from, to) on each span of the field's text that
  // find_windowed() searches.
  template <typename OnWindow>
  void for_each_window(const CompiledRule& rule, const Field& field,
                       unsigned gates, OnWindow search);
  // find() between two offsets of the field's text. `placeholders` serves
  // the searches of one rule in a field, in order (and may serve more).
  void find_between(const CompiledRule& rule, const Record& record,
                    uint32_t field_index, size_t from, size_t to,
                    PlaceholderProbe& placeholders,
                    std::vector<Match>& out) const;
  // The candidate filter's rules for the field into m_candidates; the
  // field's anchors and the rule gates reset. The gates to ask, a bit each
  // (RuleGate::Kind): those whose pass is worth it on the field, or with
  // `every`, those that gate one of its candidates (`veil rules test` puts
  // every example through them). A gate is built once it is first asked
  // after its warm-up.
  unsigned prepare(const Record& record, const Field& field, bool every);
  // prepare() once m_key holds the field's key.
  // `walked`: the field's keyword lists, when already found.
  unsigned
  prepare_keyed(const Record& record, const Field& field, bool every,
                std::optional<std::span<const uint32_t>> walked = std::nullopt);
  // Whether a rule the candidate filter picked runs on the field.
  bool selected(const CompiledRule& rule, const Record& record,
                const Field& field,
                const CandidateFilter::Candidate& candidate) const;
  // Before find(): false when a rule gate of `gates` says the rule cannot
  // match.
  bool may_match(const CompiledRule& rule, const Field& field, unsigned gates);
  // Runs the rules on what encoded spans of a field decode to; matches are
  // placed on the encoded span. depth counts decoding layers (max 2).
  void scan_decoded(const Record& record, uint32_t field_index,
                    std::string_view text, int depth, uint32_t outer_start,
                    uint32_t outer_end, std::vector<Match>& out);

  const RuleSet& m_rules;
  double m_min_confidence;
  std::vector<Drop>* m_drops = nullptr;
  std::vector<CandidateFilter::Candidate> m_candidates;
  std::string m_key; // the field's last JSON key segment
  CandidateFilter::Scratch m_filter_scratch;
  // plan_fields(): the texts of the fields the cache does not hold, and
  // their keyword lists (CandidateFilter::keyword_walks()).
  std::vector<std::string_view> m_walk_texts;
  std::vector<uint32_t> m_walk_hits;
  std::vector<uint32_t> m_walk_ends;
  AnchorWindows m_windows;
  std::array<RuleGate::Scratch, RuleSet::k_gates> m_gate_scratch;
  std::vector<Window> m_window_list;
  std::vector<Window> m_segment_list;
  std::vector<Match> m_field_matches;
  std::vector<FieldPlan> m_plans; // scan_group(): per field of the group
  std::vector<CandidateFilter::Candidate> m_planned;
  std::vector<int> m_planned_hits;
  FieldCache m_cache;
  std::vector<FieldCache::Key> m_cache_keys; // look_up(): per field
  std::vector<FieldCache::Lookup> m_lookups;
  bool m_use_cache = true;
  std::unordered_map<std::string, bool> m_model_is_context;
  std::vector<Match> m_cached; // scan_group(): matches found in m_cache
  std::vector<Search> m_searches;
  std::vector<uint32_t> m_search_order;
  std::vector<uint32_t> m_rule_first; // run_searches' counting sort
  std::vector<Match> m_found;         // the searches' matches
  bool m_compile_ahead = false;
  std::vector<uint8_t> m_rule_listed; // compile_searched_rules(), by rule
  std::vector<const CompiledRule*> m_uncompiled;
};

// Keeps a deterministic, non-overlapping subset: higher severity, then the
// longer match, then the earlier start, then the earlier rule wins.
// Report-only matches never hide redacting ones (they are resolved apart).
void resolve_overlaps(std::vector<Match>& matches);

} // namespace veil
