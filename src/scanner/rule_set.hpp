// Every compiled rule of a run plus the keyword prefilter over them. Built
// once from the selected RuleSpecs; immutable and shared by all workers.
#pragma once

#include "scanner/candidate_filter.hpp"
#include "scanner/compiled_rule.hpp"
#include "scanner/keyword_prefilter.hpp"

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
  // Keywords only (what `rules test` applies to examples).
  const KeywordPrefilter& prefilter() const { return m_filter->keywords(); }
  // Keywords and, with Vectorscan, the regexes: what the scanner uses.
  const CandidateFilter& candidate_filter() const { return *m_filter; }

private:
  std::vector<std::unique_ptr<CompiledRule>> m_rules;
  std::unique_ptr<CandidateFilter> m_filter;
};

} // namespace veil
