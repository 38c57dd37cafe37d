// Every compiled rule of a run plus the filters over them. Built
// once from the selected RuleSpecs; immutable and shared by all workers.
#pragma once

#include "scanner/candidate_filter.hpp"
#include "scanner/compiled_rule.hpp"
#include "scanner/rule_gate.hpp"

#include <array>
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
  // One pass deciding whether the frequent rules match at all, and one for
  // the injection phrases (rule_gate.hpp), by RuleGate::Kind.
  static constexpr size_t k_gates = 2;
  const RuleGate& gate(RuleGate::Kind kind = RuleGate::Kind::frequent) const {
    return *m_gates[size_t(kind)];
  }
  // The kind of gate the rule belongs to (RuleGate::of_kind) when it runs
  // on text of direction d; -1: none, or the rule does not run there.
  int gate_of(size_t rule, Direction d) const {
    return m_gate_of[rule][size_t(d)];
  }
  // Builds every gate now (tests, `veil rules test`).
  void build_gates() const {
    for (const auto& gate : m_gates) {
      gate->build_now();
    }
  }

private:
  std::vector<std::unique_ptr<CompiledRule>> m_rules;
  std::unique_ptr<CandidateFilter> m_filter;
  std::array<std::unique_ptr<RuleGate>, k_gates> m_gates;
  static constexpr size_t k_directions = 4;                // Direction's values
  std::vector<std::array<int8_t, k_directions>> m_gate_of; // by rule
};

} // namespace veil
