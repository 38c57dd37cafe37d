// The prompt-injection risk score: after matching, the injection rules that
// fired in each input message become signals, combined into a score in
// [0, 1] by a noisy-or, 1 - prod(1 - w_i), over distinct rules, where w_i is
// the highest confidence of rule i's matches (the rule's `confidence`,
// adjusted by context and decoding). A message at or above the threshold
// gets one `injection.risk` match listing its signals; a record whose
// messages only reach the threshold together gets one on its riskiest
// message. Output and system text never count: quoted attacks in an
// answer and defensive phrasing in a system prompt are not input attacks.
#pragma once

#include "core/finding.hpp"
#include "core/record.hpp"
#include "scanner/rule_set.hpp"

#include <span>
#include <vector>

namespace veil {

// Rule id of the score's finding.
inline constexpr std::string_view k_risk_rule_id = "injection.risk";
inline constexpr double k_default_injection_threshold = 0.5;

// 1 - prod(1 - w): the chance that at least one of independent signals is
// right. Weights outside [0, 1] are clamped.
double noisy_or(std::span<const double> weights);

class InjectionScorer {
public:
  // Disabled (score() does nothing) when the rule set has no
  // injection.risk rule, e.g. under --disable injection.risk.
  InjectionScorer(const RuleSet& rules, double threshold);

  // Appends the risk matches of the record to its matches (kept ordered by
  // field). Call once per record, after the scanner.
  void score(const Record& record, std::vector<Match>& matches) const;

  // The score of one message holding these matches (examples, tests).
  double message_score(const std::vector<Match>& matches) const;

private:
  struct Signal {
    const CompiledRule* rule;
    double weight;
  };
  static double combined(const std::vector<Signal>& signals);
  // Distinct signals of matches[begin, end) in one field, strongest kept.
  void collect(const std::vector<Match>& matches, size_t begin, size_t end,
               std::vector<Signal>& signals) const;
  Match risk_match(const Record& record, uint32_t field,
                   const std::vector<Signal>& signals, double score) const;

  // The signal a match found in decoded text adds, by decoder kind.
  const CompiledRule* hiding_signal(const char* kind) const;

  const CompiledRule* m_risk = nullptr;
  const CompiledRule* m_encoded = nullptr; // injection.encoded_payload
  const CompiledRule* m_tags = nullptr;    // injection.unicode_tags
  const CompiledRule* m_zero_width = nullptr;
  const CompiledRule* m_look_alike = nullptr; // injection.mixed_script
  double m_threshold;
};

} // namespace veil
