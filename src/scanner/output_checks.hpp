// The output checks that need a whole record rather than one string: a
// canary token from --canary in the answer, a long verbatim stretch of the
// record's own system prompt in the answer, and --expect-json answers that
// do not parse. They run once per record after the rules matched, and add
// Matches of three built-in rules (output.canary, output.system_prompt_leak,
// output.invalid_json) that reports treat like any other rule's. The
// regex-shaped output checks are ordinary rules (rules/output_*.toml).
#pragma once

#include "core/finding.hpp"
#include "core/recent.hpp"
#include "core/record.hpp"
#include "rules/rule_spec.hpp"
#include "scanner/compiled_rule.hpp"
#include "scanner/output_canary.hpp"
#include "scanner/output_leak.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace veil {

struct OutputCheckOptions {
  std::vector<std::string> canaries; // --canary, files already read
  size_t leak_ngram = 12;            // --leak-ngram; 0 turns the check off
  bool expect_json = false;          // --expect-json
  std::vector<std::string> only;     // --only / --disable, as for rules
  std::vector<std::string> disable;
};

// The rules behind the checks, for rule listings and reports.
std::vector<RuleSpec> output_check_specs();
// Those the options turn on and --only/--disable keep.
std::vector<RuleSpec>
active_output_check_specs(const OutputCheckOptions& options);

class OutputChecks {
public:
  // Rule indexes start at first_index (after the rule set's), so ties in
  // ordering stay deterministic. One per worker: it keeps the leak index
  // of the last record's system prompt.
  OutputChecks(const OutputCheckOptions& options, size_t first_index);
  OutputChecks(const OutputChecks&) = delete;
  OutputChecks& operator=(const OutputChecks&) = delete;

  bool empty() const { return !m_canary && !m_leak && !m_json; }
  // Adds the record's matches to out (the record's matches from the rules,
  // ordered by field then start) and keeps that order.
  void run(const Record& record, std::vector<Match>& out);

private:
  void check_leaks(const Record& record, std::vector<Match>& out);
  // The index of the record's system prompts, built once for a few recent
  // ones: a log repeats a handful of system prompts, mixed record after
  // record, and building an index cost a third of the check.
  const LeakIndex& leak_index(const Record& record);
  void add(const CompiledRule& rule, uint32_t field, Span span,
           std::vector<Match>& out) const;

  CanaryFinder m_canaries;
  size_t m_leak_ngram;
  std::unique_ptr<CompiledRule> m_canary;
  std::unique_ptr<CompiledRule> m_leak;
  std::unique_ptr<CompiledRule> m_json;
  struct LeakEntry {
    std::vector<std::string> sources; // the system prompts it indexes
    LeakIndex index{0};
  };
  Recent<LeakEntry, 8> m_leak_entries;
  LeakIndex::Scratch m_leak_scratch;
  std::vector<std::string_view> m_record_sources;
};

} // namespace veil
