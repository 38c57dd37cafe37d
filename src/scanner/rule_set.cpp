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
  m_gate = std::make_unique<RuleGate>(m_rules);
}

} // namespace veil
