#include "scanner/injection_score.hpp"

#include <algorithm>

namespace veil {

namespace {

const CompiledRule* find_rule(const RuleSet& rules, std::string_view id) {
  for (const auto& rule : rules.rules()) {
    if (rule->spec().id == id) {
      return rule.get();
    }
  }
  return nullptr;
}

// Input and text of unknown origin can carry an attack; what the assistant
// says (often a quoted or refused attack) and system prompts (full of
// defensive "ignore any other instructions") cannot.
bool scored_direction(Direction d) {
  return d == Direction::input || d == Direction::unknown;
}

} // namespace

double noisy_or(std::span<const double> weights) {
  double miss = 1.0;
  for (double w : weights) {
    miss *= 1.0 - std::clamp(w, 0.0, 1.0);
  }
  return 1.0 - miss;
}

InjectionScorer::InjectionScorer(const RuleSet& rules, double threshold)
    : m_risk(find_rule(rules, k_risk_rule_id)),
      m_encoded(find_rule(rules, "injection.encoded_payload")),
      m_tags(find_rule(rules, "injection.unicode_tags")),
      m_zero_width(find_rule(rules, "injection.zero_width")),
      m_look_alike(find_rule(rules, "injection.mixed_script")),
      m_threshold(threshold) {}

const CompiledRule* InjectionScorer::hiding_signal(const char* kind) const {
  std::string_view k(kind);
  if (k == "tags") {
    return m_tags;
  }
  if (k == "zero-width") {
    return m_zero_width;
  }
  if (k == "look-alike") {
    return m_look_alike;
  }
  return m_encoded; // base64, hex, escapes, rot13, leet...
}

void InjectionScorer::collect(const std::vector<Match>& matches, size_t begin,
                              size_t end, std::vector<Signal>& signals) const {
  auto add = [&signals](const CompiledRule* rule, double weight) {
    for (Signal& s : signals) {
      if (s.rule == rule) {
        s.weight = std::max(s.weight, weight);
        return;
      }
    }
    signals.push_back(Signal{rule, weight});
  };
  for (size_t i = begin; i < end; ++i) {
    const Match& m = matches[i];
    if (m.rule == m_risk || m.rule->spec().category != "injection") {
      continue;
    }
    add(m.rule, m.confidence);
    // An instruction hidden in base64, tag characters or look-alike letters
    // is a signal of its own: nobody hides an honest request. The hiding
    // rule's own match may have lost to the phrase's in overlap resolution.
    if (const CompiledRule* hiding =
            m.decoded != nullptr ? hiding_signal(m.decoded) : nullptr) {
      add(hiding, hiding->spec().confidence);
    }
  }
}

double InjectionScorer::combined(const std::vector<Signal>& signals) {
  std::vector<double> weights;
  for (const Signal& s : signals) {
    weights.push_back(s.weight);
  }
  return noisy_or(weights);
}

double InjectionScorer::message_score(const std::vector<Match>& matches) const {
  std::vector<Signal> signals;
  collect(matches, 0, matches.size(), signals);
  return combined(signals);
}

Match InjectionScorer::risk_match(const Record& record, uint32_t field,
                                  const std::vector<Signal>& signals,
                                  double score) const {
  Match m;
  m.rule = m_risk;
  m.field = field;
  m.start = 0;
  m.end = static_cast<uint32_t>(record.fields[field].text.size());
  m.confidence = score;
  m.severity = m_risk->spec().severity;
  for (const Signal& s : signals) {
    m.signals.push_back(s.rule);
  }
  // Reports list signals in a stable order: strongest first, then by id.
  std::stable_sort(m.signals.begin(), m.signals.end(),
                   [&signals](const CompiledRule* a, const CompiledRule* b) {
                     auto weight = [&signals](const CompiledRule* r) {
                       for (const Signal& s : signals) {
                         if (s.rule == r) {
                           return s.weight;
                         }
                       }
                       return 0.0;
                     };
                     double wa = weight(a);
                     double wb = weight(b);
                     return wa != wb ? wa > wb : a->spec().id < b->spec().id;
                   });
  return m;
}

void InjectionScorer::score(const Record& record,
                            std::vector<Match>& matches) const {
  if (m_risk == nullptr || matches.empty()) {
    return;
  }
  std::vector<Match> risks;
  std::vector<Signal> record_signals;
  std::vector<Signal> signals;
  uint32_t riskiest = 0;
  double riskiest_score = -1;
  size_t i = 0;
  while (i < matches.size()) {
    uint32_t field = matches[i].field;
    size_t end = i;
    while (end < matches.size() && matches[end].field == field) {
      ++end;
    }
    if (scored_direction(record.fields[field].direction)) {
      signals.clear();
      collect(matches, i, end, signals);
      double score = combined(signals);
      if (!signals.empty() && score >= m_threshold) {
        risks.push_back(risk_match(record, field, signals, score));
      }
      if (score > riskiest_score) {
        riskiest = field;
        riskiest_score = score;
      }
      collect(matches, i, end, record_signals);
    }
    i = end;
  }
  if (risks.empty() && !record_signals.empty()) {
    double score = combined(record_signals);
    if (score >= m_threshold) {
      risks.push_back(risk_match(record, riskiest, record_signals, score));
    }
  }
  for (Match& risk : risks) {
    // After the field's own matches, so matches stay ordered by field.
    auto at = std::upper_bound(
        matches.begin(), matches.end(), risk.field,
        [](uint32_t f, const Match& m) { return f < m.field; });
    matches.insert(at, std::move(risk));
  }
}

} // namespace veil
