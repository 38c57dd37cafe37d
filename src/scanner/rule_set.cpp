#include "scanner/rule_set.hpp"

namespace veil {

RuleSet::RuleSet(std::vector<RuleSpec> specs) {
  std::vector<CandidateFilter::Rule> filter_rules;
  for (RuleSpec& spec : specs) {
    CandidateFilter::Rule filter_rule{spec.regex, spec.group, spec.keywords,
                                      spec.context.required
                                          ? spec.context.words
                                          : std::vector<std::string>{}};
    m_rules.push_back(
        std::make_unique<CompiledRule>(std::move(spec), m_rules.size()));
    filter_rule.compiled = m_rules.back().get();
    filter_rules.push_back(std::move(filter_rule));
  }
  m_filter = std::make_unique<CandidateFilter>(filter_rules);
  for (size_t k = 0; k < k_gates; ++k) {
    m_gates[k] = std::make_unique<RuleGate>(m_rules, RuleGate::Kind(k));
  }
  m_gate_of.assign(m_rules.size(), {-1, -1, -1, -1});
  for (size_t rule = 0; rule < m_rules.size(); ++rule) {
    for (size_t k = 0; k < k_gates; ++k) {
      if (!m_gates[k]->of_kind(rule)) {
        continue;
      }
      for (size_t d = 0; d < k_directions; ++d) {
        if (m_rules[rule]->applies_to(Direction(d))) {
          m_gate_of[rule][d] = int8_t(k);
        }
      }
    }
  }
}

} // namespace veil
