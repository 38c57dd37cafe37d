// The policy's part of the ordered stage, per record: decides whether the
// record is rejected (a record rule fired, or allow mode could not check
// it) and turns the worker's RecordPlan into TokenEdits next to the
// findings' edits. Replacement texts come from the caller (the finding
// builder's styles), so label numbers and per-segment keys are shared
// with the findings.
#pragma once

#include "core/finding.hpp"
#include "policy/field_planner.hpp"
#include "policy/policy.hpp"

#include <functional>
#include <string>
#include <vector>

namespace veil::policy {

// What the policy did in a run: counted for the summary and --metrics.
struct PolicyCounters {
  uint64_t dropped_fields = 0;   // members and elements cut out
  uint64_t redacted_fields = 0;  // redact_all
  uint64_t hashed_fields = 0;    // hash
  uint64_t truncated_fields = 0; // truncate
  uint64_t rejected_records = 0; // sent to --rejects (or dropped)
};

using Replacer = std::function<std::string(
    Style style, const std::string& entity, std::string_view value)>;

class RecordApplier {
public:
  explicit RecordApplier(const Policy& policy) : m_policy(policy) {}

  // Why the record is rejected, or "" when it is not. Findings are the
  // record's, as the reports see them.
  std::string reject_reason(const RecordPlan& plan,
                            const std::vector<Finding>& findings) const;
  // Adds the plan's removals and directives to edits (the findings' edits,
  // sorted) and keeps them sorted; counts what was done.
  void add_edits(const RecordPlan& plan, const Replacer& replace,
                 std::vector<TokenEdit>& edits, PolicyCounters& counters) const;

private:
  const Policy& m_policy;
};

} // namespace veil::policy
