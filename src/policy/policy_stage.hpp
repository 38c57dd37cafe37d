// The policy, --rejects, --metrics and --split-by in a run: a worker half
// (PolicyWorker: field rules, before scanning) and an ordered half
// (PolicyStage: record rules, the policy's edits, where each line goes,
// counts). The pipeline calls them only when PolicyRunOptions::active().
#pragma once

#include "policy/field_planner.hpp"
#include "policy/record_applier.hpp"
#include "sinks/metrics.hpp"
#include "sinks/output.hpp"
#include "sinks/split_output.hpp"

#include <memory>
#include <optional>
#include <ostream>
#include <string>

namespace veil::policy {

struct PolicyRunOptions {
  const Policy* policy = nullptr; // nullptr or empty: no rules
  std::string rejects;            // --rejects FILE ("" = rejected lines
                                  // are counted and left out)
  std::string metrics;            // --metrics FILE
  std::string split_dir;          // --split-by ... --out-dir DIR
  bool test = false;              // `policy test`: print, write nothing

  bool active() const {
    return (policy != nullptr && !policy->empty()) || !rejects.empty() ||
           !metrics.empty() || !split_dir.empty() || test;
  }
};

class PolicyWorker {
public:
  explicit PolicyWorker(const PolicyRunOptions& options);
  // After the reader, before the scanner.
  void plan(Record& record, RecordPlan& plan);

private:
  std::optional<FieldPlanner> m_planner;
};

class PolicyStage {
public:
  // out: the redacted stream, or nullptr (scan, policy test).
  PolicyStage(const PolicyRunOptions& options, Output* out);
  ~PolicyStage();

  // Writes the record where it belongs (the output, its segment's file or
  // --rejects) with the findings' edits and the policy's, or, under
  // `policy test`, prints what would change. Counts everything.
  void record(const Record& record, const RecordPlan& plan,
              const std::vector<Finding>& findings,
              std::vector<TokenEdit>& edits, std::string_view raw,
              const std::string& file, const Replacer& replace);
  // Commits the rejects and split files and writes --metrics.
  void finish(const Summary& summary);
  const PolicyCounters& counters() const { return m_counters; }

private:
  void print_changes(const Record& record, const RecordPlan& plan,
                     const std::vector<Finding>& findings,
                     const std::string& file, const std::string& reject);
  Output* destination(const Record& record);

  const PolicyRunOptions& m_options;
  std::optional<RecordApplier> m_applier;
  Output* m_out;
  std::unique_ptr<Output> m_rejects;
  std::unique_ptr<SplitOutputs> m_split;
  MetricsCounter m_metrics;
  PolicyCounters m_counters;
  std::string m_line; // scratch
};

} // namespace veil::policy
