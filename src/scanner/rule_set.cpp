#include "scanner/rule_set.hpp"

namespace veil {

RuleSet::RuleSet(std::vector<RuleSpec> specs) {
  std::vector<std::vector<std::string>> keywords;
  for (RuleSpec& spec : specs) {
    keywords.push_back(spec.keywords);
    m_rules.push_back(
        std::make_unique<CompiledRule>(std::move(spec), m_rules.size()));
  }
  m_prefilter = std::make_unique<KeywordPrefilter>(keywords);
}

} // namespace veil
