#include "scanner/scanner.hpp"

#include "actions/placeholder_token.hpp"
#include "core/json_pointer.hpp"
#include "scanner/compile_ahead.hpp"
#include "scanner/context.hpp"
#include "scanner/decoders.hpp"
#include "scanner/pair_boost.hpp"
#include "scanner/placeholder.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <utility>

namespace veil {

namespace {

bool stronger(const Match& a, const Match& b) {
  Severity sa = a.severity;
  Severity sb = b.severity;
  if (sa != sb) {
    return sa > sb;
  }
  if (a.end - a.start != b.end - b.start) {
    return a.end - a.start > b.end - b.start;
  }
  if (a.start != b.start) {
    return a.start < b.start;
  }
  return a.rule->index() < b.rule->index();
}

// Greedy by strength; `taken` maps start -> end of kept, disjoint spans so a
// field with many matches stays O(n log n).
void keep_strongest(std::vector<Match>& matches) {
  std::sort(matches.begin(), matches.end(), stronger);
  std::map<uint32_t, uint32_t> taken;
  std::vector<Match> kept;
  for (const Match& m : matches) {
    auto next = taken.lower_bound(m.start);
    if (next != taken.end() && next->first < m.end) {
      continue;
    }
    if (next != taken.begin() && std::prev(next)->second > m.start) {
      continue;
    }
    taken.emplace(m.start, m.end);
    kept.push_back(m);
  }
  matches = std::move(kept);
}

} // namespace

void Scanner::find(const CompiledRule& rule, const Record& record,
                   uint32_t field_index, std::vector<Match>& out) const {
  PlaceholderProbe placeholders;
  find_between(rule, record, field_index, 0,
               record.fields[field_index].text.size(), placeholders, out);
}

template <typename OnWindow>
void Scanner::for_each_window(const CompiledRule& rule, const Field& field,
                              unsigned gates, OnWindow search) {
  if (!may_match(rule, field, gates)) {
    return;
  }
  if (!m_windows.windows(rule.anchor_need(), m_window_list)) {
    if (field.text.size() > UINT32_MAX) {
      search(0, field.text.size());
      return;
    }
    m_window_list.assign(1, Window{0, uint32_t(field.text.size())});
  }
  const std::vector<Window>* windows = &m_window_list;
  if (const SegmentNeed& need = rule.segment_need(); need.useful) {
    m_segment_list.clear();
    for (const Window& window : m_window_list) {
      finding_segments(field.text, window, need, m_segment_list);
    }
    windows = &m_segment_list;
  }
  for (const Window& window : *windows) {
    search(window.start, window.end);
  }
}

void Scanner::find_windowed(const CompiledRule& rule, const Record& record,
                            uint32_t field_index, unsigned gates,
                            std::vector<Match>& out) {
  PlaceholderProbe placeholders;
  for_each_window(
      rule, record.fields[field_index], gates, [&](size_t from, size_t to) {
        find_between(rule, record, field_index, from, to, placeholders, out);
      });
}

void Scanner::find_between(const CompiledRule& rule, const Record& record,
                           uint32_t field_index, size_t from, size_t to,
                           PlaceholderProbe& placeholders,
                           std::vector<Match>& out) const {
  const Field& field = record.fields[field_index];
  re2::StringPiece text(field.text.data(), field.text.size());
  re2::StringPiece groups[CompiledRule::k_max_group + 1];
  int group = rule.group();
  const RuleSpec& spec = rule.spec();
  size_t pos = from;
  while (pos <= to && rule.match(text, pos, to, groups)) {
    size_t whole_end = groups[0].data() - text.data() + groups[0].size();
    pos = groups[0].empty() ? whole_end + 1 : whole_end;
    const re2::StringPiece& g = groups[group];
    if (g.data() == nullptr || g.empty()) {
      continue;
    }
    size_t start = g.data() - text.data();
    size_t end = start + g.size();
    if (placeholders.within(field.text, start, end)) {
      // A token of an earlier redact (an encrypt token's base64 body looks
      // like a key): redacting redacted text again leaves it alone.
      note_drop(rule, field_index, start, end, "placeholder");
      continue;
    }
    std::string_view value(g.data(), g.size());
    const char* stage = "";
    CompiledRule::Verdict verdict = rule.judge(value, &stage);
    if (verdict == CompiledRule::Verdict::drop) {
      note_drop(rule, field_index, start, end, stage);
      continue;
    }
    double confidence = spec.confidence;
    Severity severity = spec.severity;
    if (verdict == CompiledRule::Verdict::keep_unverified) {
      confidence *= 0.5;
      severity = one_level_lower(severity);
    }
    if (spec.category == "secret" && looks_like_placeholder(value)) {
      // "sk-xxxx", "<YOUR_API_KEY>": worth a note, never an alarm.
      confidence = std::min(confidence, 0.2);
      severity = Severity::info;
    }
    if (has_context(spec.context, record, field, start, end)) {
      confidence = std::min(1.0, confidence + spec.context.boost);
    } else if (spec.context.required) {
      note_drop(rule, field_index, start, end, "context");
      continue;
    }
    if (confidence < m_min_confidence) {
      note_drop(rule, field_index, start, end, "min-confidence");
      continue;
    }
    out.push_back(Match{&rule, field_index, static_cast<uint32_t>(start),
                        static_cast<uint32_t>(end), confidence, severity});
  }
}

// rot13 and leetspeak are readings of ordinary text, not encodings: digits
// and card numbers read as "leet" would put a card finding on a whole
// sentence. Only the injection rules, which look for instructions hidden
// that way, run on them (in a long text a few words with digits make most
// of it a leet reading, which every rule would scan again for nothing).
namespace {
bool counts_in_reading(std::string_view kind, const CompiledRule& rule) {
  return (kind != "rot13" && kind != "leet") ||
         rule.spec().category == "injection";
}
} // namespace

void Scanner::scan_text(const Record& record, uint32_t field_index,
                        std::string_view reading, std::vector<Match>& out) {
  unsigned gates = prepare(record, record.fields[field_index], false);
  const auto& rules = m_rules.rules();
  std::erase_if(m_candidates, [&](const CandidateFilter::Candidate& c) {
    return !counts_in_reading(reading, *rules[c.rule]);
  });
  run_candidates(record, field_index, m_candidates, gates, out);
}

void Scanner::run_candidates(
    const Record& record, uint32_t field_index,
    std::span<const CandidateFilter::Candidate> candidates, unsigned gates,
    std::vector<Match>& out) {
  const auto& rules = m_rules.rules();
  const Field& field = record.fields[field_index];
  for (const CandidateFilter::Candidate& candidate : candidates) {
    const CompiledRule& rule = *rules[candidate.rule];
    if (selected(rule, record, field, candidate)) {
      find_windowed(rule, record, field_index, gates, out);
    }
  }
}

unsigned Scanner::prepare(const Record& record, const Field& field,
                          bool every) {
  last_key_segment(field.pointer, m_key);
  return prepare_keyed(record, field, every);
}

unsigned
Scanner::prepare_keyed(const Record& record, const Field& field, bool every,
                       std::optional<std::span<const uint32_t>> walked) {
  m_rules.candidate_filter().candidates(
      {field.text, m_key, record.model_hint, m_drops != nullptr, walked},
      m_filter_scratch, m_candidates);
  m_windows.reset(field.text);
  // The rules each gate would spare: its candidates that run on the field.
  std::array<size_t, RuleSet::k_gates> spared{};
  for (const CandidateFilter::Candidate& c : m_candidates) {
    if (const int kind = m_rules.gate_of(c.rule, field.direction); kind >= 0) {
      ++spared[size_t(kind)];
    }
  }
  unsigned gates = 0;
  for (size_t k = 0; k < RuleSet::k_gates; ++k) {
    const RuleGate& gate = m_rules.gate(RuleGate::Kind(k));
    const bool wanted =
        every ? spared[k] > 0 : gate.worth(spared[k], field.text.size());
    if (gate.ready(field.text.size(), wanted) && wanted) {
      gate.begin(m_gate_scratch[k]);
      gates |= 1u << k;
    }
  }
  return gates;
}

bool Scanner::selected(const CompiledRule& rule, const Record& record,
                       const Field& field,
                       const CandidateFilter::Candidate& candidate) const {
  // --explain runs the rule anyway, to tell the context check dropped it.
  return !rule.finds_nothing() && rule.applies_to(field.direction) &&
         (!candidate.context_outside || m_drops != nullptr ||
          context_outside_text(rule.spec().context, record, field));
}

bool Scanner::may_match(const CompiledRule& rule, const Field& field,
                        unsigned gates) {
  const int kind = m_rules.gate_of(rule.index(), field.direction);
  if (kind < 0 || (gates >> kind & 1) == 0) {
    return true;
  }
  const RuleGate& gate = m_rules.gate(RuleGate::Kind(kind));
  return !gate.gated(rule.index()) ||
         gate.may_match(field.text, rule.index(), m_gate_scratch[size_t(kind)]);
}

void Scanner::find_if_selected(const CompiledRule& rule, const Record& record,
                               uint32_t field_index, std::vector<Match>& out) {
  const Field& field = record.fields[field_index];
  unsigned gates = prepare(record, field, true);
  for (const CandidateFilter::Candidate& candidate : m_candidates) {
    if (candidate.rule == rule.index() &&
        selected(rule, record, field, candidate)) {
      find_windowed(rule, record, field_index, gates, out);
    }
  }
}

void Scanner::scan_decoded(const Record& record, uint32_t field_index,
                           std::string_view text, int depth,
                           uint32_t outer_start, uint32_t outer_end,
                           std::vector<Match>& out) {
  constexpr int k_max_depth = 2;
  for (DecodedSpan& span : find_encoded(text)) {
    // At depth 1 the span is in the field; deeper ones stay inside it.
    uint32_t start = depth == 1 ? span.start : outer_start;
    uint32_t end = depth == 1 ? span.end : outer_end;
    Record inner;
    inner.model_hint = record.model_hint;
    inner.fields.push_back(record.fields[field_index]);
    inner.fields[0].text = span.text;
    std::vector<Match> found;
    // Offsets in decoded text mean nothing to the user: no explanations.
    std::vector<Drop>* drops = std::exchange(m_drops, nullptr);
    scan_text(inner, 0, span.kind, found);
    m_drops = drops;
    for (Match m : found) {
      m.field = field_index;
      m.start = start;
      m.end = end;
      m.confidence *= 0.9; // decoding is one more guess
      m.decoded = span.kind;
      out.push_back(m);
    }
    if (depth < k_max_depth) {
      scan_decoded(record, field_index, span.text, depth + 1, start, end, out);
    }
  }
}

void Scanner::scan(const Record& record, std::vector<Match>& out) {
  std::vector<Drop>* drops = m_drops;
  scan_group({&record, 1}, {&out, 1},
             drops != nullptr ? std::span<std::vector<Drop>>(drops, 1)
                              : std::span<std::vector<Drop>>());
  m_drops = drops;
}

void Scanner::scan_group(std::span<const Record> records,
                         std::span<std::vector<Match>> out,
                         std::span<std::vector<Drop>> drops) {
  plan_fields(records, drops);
  run_gate(records);
  plan_searches(records);
  if (m_compile_ahead) {
    compile_searched_rules(records);
  }
  run_searches(records, drops);
  const FieldPlan* plans = m_plans.data();
  for (size_t r = 0; r < records.size(); ++r) {
    explain_into(drops.empty() ? nullptr : &drops[r]);
    scan_planned(records[r], plans, out[r]);
    plans += records[r].fields.size();
  }
  explain_into(nullptr); // drops[] belongs to the caller
}

void Scanner::plan_fields(std::span<const Record> records,
                          std::span<std::vector<Drop>> drops) {
  m_plans.clear();
  m_planned.clear();
  m_cached.clear();
  m_walk_texts.clear();
  // The cache first; then the keyword walk of every field it does not hold,
  // at once; then their candidates.
  // --explain wants every field's drops, which the cache does not keep.
  const bool cached = m_use_cache && drops.empty();
  if (cached) {
    look_up(records);
  }
  for (const Record& record : records) {
    for (const Field& field : record.fields) {
      FieldPlan plan;
      if (cached) {
        take_lookup(m_lookups[m_plans.size()], plan);
      }
      if (!plan.cached) {
        m_walk_texts.push_back(field.text);
      }
      m_plans.push_back(plan);
    }
  }
  m_rules.candidate_filter().keyword_walks(m_walk_texts, m_filter_scratch,
                                           m_walk_hits, m_walk_ends);
  FieldPlan* plan = m_plans.data();
  uint32_t walked_from = 0; // the next field's lists in m_walk_hits
  const uint32_t* walked_end = m_walk_ends.data();
  for (size_t r = 0; r < records.size(); ++r) {
    explain_into(drops.empty() ? nullptr : &drops[r]); // keeps more candidates
    for (const Field& field : records[r].fields) {
      if (!plan->cached) {
        last_key_segment(field.pointer, m_key);
        const std::span<const uint32_t> walked =
            std::span<const uint32_t>(m_walk_hits)
                .subspan(walked_from, *walked_end - walked_from);
        walked_from = *walked_end++;
        plan->gates = prepare_keyed(records[r], field, false, walked);
        plan->first = uint32_t(m_planned.size());
        plan->count = uint32_t(m_candidates.size());
        m_planned.insert(m_planned.end(), m_candidates.begin(),
                         m_candidates.end());
      }
      ++plan;
    }
  }
}

void Scanner::look_up(std::span<const Record> records) {
  m_cache_keys.clear();
  for (const Record& record : records) {
    const std::string_view model = model_key(record.model_hint);
    for (const Field& field : record.fields) {
      m_cache_keys.push_back({field.text,
                              last_key_segment_escaped(field.pointer), model,
                              field.direction});
    }
  }
  m_cache.find(m_cache_keys, m_lookups);
}

void Scanner::take_lookup(const FieldCache::Lookup& found, FieldPlan& plan) {
  plan.hash = found.hash;
  plan.store = found.store;
  if (found.matches == nullptr) {
    return;
  }
  plan.cached = true;
  plan.first = uint32_t(m_cached.size());
  plan.count = uint32_t(found.matches->size());
  m_cached.insert(m_cached.end(), found.matches->begin(), found.matches->end());
}

std::string_view Scanner::model_key(const std::string& model_hint) {
  if (model_hint.empty()) {
    return {};
  }
  auto found = m_model_is_context.find(model_hint);
  if (found == m_model_is_context.end()) {
    if (m_model_is_context.size() >= 256) {
      m_model_is_context.clear(); // a log of ever new model names
    }
    const auto& rules = m_rules.rules();
    bool matters = std::any_of(rules.begin(), rules.end(), [&](const auto& r) {
      return model_is_context(r->spec().context, model_hint);
    });
    found = m_model_is_context.emplace(model_hint, matters).first;
  }
  return found->second ? std::string_view(model_hint) : std::string_view();
}

void Scanner::run_gate(std::span<const Record> records) {
  m_planned_hits.clear();
  for (size_t k = 0; k < RuleSet::k_gates; ++k) {
    const RuleGate& gate = m_rules.gate(RuleGate::Kind(k));
    RuleGate::Scratch& scratch = m_gate_scratch[k];
    gate.begin(scratch); // its hits serve as scratch here
    scratch.texts.clear();
    FieldPlan* plan = m_plans.data();
    for (const Record& record : records) {
      for (const Field& field : record.fields) {
        if ((plan++->gates >> k & 1) != 0) {
          scratch.texts.push_back(field.text);
        }
      }
    }
    // No text asks a gate that is not built (another worker may be
    // building it).
    if (!scratch.texts.empty()) {
      gate.screen(scratch.texts, scratch);
      run_gate_where_screened(gate, k, records);
    }
    scratch.hits.clear();
  }
}

void Scanner::run_gate_where_screened(const RuleGate& gate, size_t k,
                                      std::span<const Record> records) {
  RuleGate::Scratch& scratch = m_gate_scratch[k];
  const uint8_t* maybe = scratch.maybe.data();
  FieldPlan* plan = m_plans.data();
  for (const Record& record : records) {
    for (const Field& field : record.fields) {
      if ((plan->gates >> k & 1) != 0) {
        FieldPlan::GatePass& pass = plan->passes[k];
        scratch.hits.clear();
        pass.decided = *maybe++ == 0 || gate.run(field.text, scratch.hits);
        pass.first_hit = uint32_t(m_planned_hits.size());
        pass.hit_count = uint32_t(scratch.hits.size());
        m_planned_hits.insert(m_planned_hits.end(), scratch.hits.begin(),
                              scratch.hits.end());
      }
      ++plan;
    }
  }
}

void Scanner::plan_searches(std::span<const Record> records) {
  const auto& rules = m_rules.rules();
  m_searches.clear();
  FieldPlan* plan = m_plans.data();
  for (size_t r = 0; r < records.size(); ++r) {
    const Record& record = records[r];
    for (uint32_t f = 0; f < record.fields.size(); ++f, ++plan) {
      plan->first_search = uint32_t(m_searches.size());
      if (plan->cached) {
        continue;
      }
      const Field& field = record.fields[f];
      m_windows.reset(field.text);
      for (size_t k = 0; k < RuleSet::k_gates; ++k) {
        if ((plan->gates >> k & 1) != 0) {
          const RuleGate& gate = m_rules.gate(RuleGate::Kind(k));
          const FieldPlan::GatePass& pass = plan->passes[k];
          gate.begin(m_gate_scratch[k]);
          gate.load(m_gate_scratch[k],
                    std::span<const int>(m_planned_hits)
                        .subspan(pass.first_hit, pass.hit_count),
                    pass.decided);
        }
      }
      for (const CandidateFilter::Candidate& candidate :
           std::span(m_planned).subspan(plan->first, plan->count)) {
        const CompiledRule& rule = *rules[candidate.rule];
        if (selected(rule, record, field, candidate)) {
          for_each_window(
              rule, field, plan->gates, [&](size_t from, size_t to) {
                m_searches.push_back(Search{r, f, candidate.rule, from, to});
              });
        }
      }
      plan->search_count = uint32_t(m_searches.size()) - plan->first_search;
    }
  }
}

void Scanner::compile_searched_rules(std::span<const Record> records) {
  const auto& rules = m_rules.rules();
  m_rule_listed.assign(rules.size(), 0);
  m_uncompiled.clear();
  for (Search& search : m_searches) {
    const CompiledRule& rule = *rules[search.rule];
    if (m_rule_listed[search.rule] || rule.compiled()) {
      continue;
    }
    // A rule its superset rules out everywhere does not compile at all.
    const std::string_view text =
        records[search.record].fields[search.field].text;
    search.ruled_out = rule.superset_rules_out(
        re2::StringPiece(text.data(), text.size()), search.from, search.to);
    if (!search.ruled_out) {
      m_uncompiled.push_back(&rule);
      m_rule_listed[search.rule] = 1;
    }
  }
  veil::compile_ahead(m_uncompiled);
}

void Scanner::run_searches(std::span<const Record> records,
                           std::span<std::vector<Drop>> drops) {
  const auto& rules = m_rules.rules();
  m_search_order.resize(m_searches.size());
  if (drops.empty()) {
    // A counting sort by rule, stable: a rule's searches stay in order.
    m_rule_first.assign(rules.size() + 1, 0);
    for (const Search& search : m_searches) {
      ++m_rule_first[search.rule + 1];
    }
    std::partial_sum(m_rule_first.begin(), m_rule_first.end(),
                     m_rule_first.begin());
    for (uint32_t i = 0; i < m_searches.size(); ++i) {
      m_search_order[m_rule_first[m_searches[i].rule]++] = i;
    }
  } else {
    std::iota(m_search_order.begin(), m_search_order.end(), 0u);
  }
  m_found.clear();
  // Every text of the group stays in place throughout: one probe serves
  // them all, a rule's searches coming in order of field and offset.
  PlaceholderProbe placeholders;
  for (uint32_t i : m_search_order) {
    Search& search = m_searches[i];
    explain_into(drops.empty() ? nullptr : &drops[search.record]);
    search.first_found = uint32_t(m_found.size());
    if (search.ruled_out) {
      continue; // found_count stays 0
    }
    find_between(*rules[search.rule], records[search.record], search.field,
                 search.from, search.to, placeholders, m_found);
    search.found_count = uint32_t(m_found.size()) - search.first_found;
  }
}

void Scanner::scan_planned(const Record& record, const FieldPlan* plans,
                           std::vector<Match>& out) {
  const size_t record_start = out.size();
  for (uint32_t f = 0; f < record.fields.size(); ++f) {
    const FieldPlan& plan = plans[f];
    if (plan.cached) {
      for (const Match& m :
           std::span(m_cached).subspan(plan.first, plan.count)) {
        out.push_back(m);
        out.back().field = f;
      }
      continue;
    }
    m_field_matches.clear();
    for (const Search& search :
         std::span(m_searches).subspan(plan.first_search, plan.search_count)) {
      auto found = m_found.begin() + search.first_found;
      m_field_matches.insert(m_field_matches.end(), found,
                             found + search.found_count);
    }
    scan_decoded(record, f, record.fields[f].text, 1, 0, 0, m_field_matches);
    resolve_overlaps(m_field_matches);
    if (plan.store) {
      const Field& field = record.fields[f];
      m_cache.store({field.text, last_key_segment_escaped(field.pointer),
                     model_key(record.model_hint), field.direction},
                    plan.hash, m_field_matches);
    }
    out.insert(out.end(), m_field_matches.begin(), m_field_matches.end());
  }
  raise_paired(out, record_start);
}

void resolve_overlaps(std::vector<Match>& matches) {
  auto report_only =
      std::stable_partition(matches.begin(), matches.end(), [](const Match& m) {
        return !m.rule->reports_only();
      });
  std::vector<Match> redacting(matches.begin(), report_only);
  std::vector<Match> reported(report_only, matches.end());
  keep_strongest(redacting);
  keep_strongest(reported);
  matches = std::move(redacting);
  matches.insert(matches.end(), reported.begin(), reported.end());
  std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
    return a.start != b.start ? a.start < b.start
                              : a.rule->index() < b.rule->index();
  });
}

} // namespace veil
