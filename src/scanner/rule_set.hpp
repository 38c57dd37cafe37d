// Every compiled rule of a run plus the filters over them. Built
// once from the selected RuleSpecs; immutable and shared by all workers.
#pragma once

#include "scanner/candidate_filter.hpp"
#include "scanner/compiled_rule.hpp"
#include "scanner/rule_gate.hpp"

#include <memory>
#include <vector>

namespace veil {

class RuleSet {
public:
  // Throws RuleError when a regex does not compile.
  explicit RuleSet(std::vector<RuleSpec> specs);
  RuleSet(const RuleSet&) = delete;
  RuleSet& operator=(const RuleSet&) = delete;

  const std::vector<std::unique_ptr<CompiledRule>>& rules() const {
    return m_rules;
  }
  // Keywords, digits, required context and, with Vectorscan, the regexes:
  // which rules the scanner runs on a text.
  const CandidateFilter& candidate_filter() const { return *m_filter; }
  // One pass deciding whether the frequent rules match at all.
  const RuleGate& gate() const { return *m_gate; }

private:
  std::vector<std::unique_ptr<CompiledRule>> m_rules;
  std::unique_ptr<CandidateFilter> m_filter;
  std::unique_ptr<RuleGate> m_gate;
};

} // namespace veil
