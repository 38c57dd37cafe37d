// Wires one scan or redact run: sources -> line splitter -> batches ->
// workers (reader + scanner) -> ordered stage (findings, labels, line
// rewriting) -> sinks (redacted output, report). Output order always equals
// input order, whatever the number of workers.
#pragma once

#include "actions/finding_builder.hpp"
#include "baseline/suppressor.hpp"
#include "core/errors.hpp"
#include "pipeline/progress.hpp"
#include "policy/policy_stage.hpp"
#include "reader/reader_options.hpp"
#include "scanner/injection_score.hpp"
#include "scanner/output_checks.hpp"
#include "scanner/rule_set.hpp"
#include "sinks/report/report_writer.hpp"
#include "source/input_list.hpp"

#include <optional>
#include <string>
#include <vector>

namespace veil {

struct RunOptions {
  std::vector<std::string> inputs; // FILE arguments ("-" = stdin)
  ReaderOptions reader;
  size_t max_line_bytes = size_t{64} << 20;
  size_t jobs = 1;           // worker threads; 1 = no threads
  double min_confidence = 0; // --min-confidence
  double injection_threshold = k_default_injection_threshold;
  bool explain = false; // --explain: say why candidates were dropped
  OutputCheckOptions output_checks; // --canary, --leak-ngram, --expect-json
  ActionOptions actions;
  std::optional<std::string> output; // redacted stream ("-" = stdout)
  std::optional<std::string> report; // report destination ("-" = stdout)
  std::string format = "text";
  ReportOptions report_options;
  std::optional<Severity> fail_on; // unset: never fail on findings
  WalkOptions walk;                // --exclude, --no-gitignore
  // Baseline, .veilignore and inline markers; null: report everything.
  Suppressor* suppressor = nullptr;
  // See the report's finding stream too (veil baseline, redact --check).
  std::vector<ReportWriter*> observers;
  // --progress: the progress line on stderr; unset: none.
  std::optional<ProgressMeter::Mode> progress;
  bool stats = false; // --stats: timing summary on stderr at the end
  // --policy, --rejects, --metrics, --split-by; policy test.
  policy::PolicyRunOptions policy;
};

// Returns the exit code: 3 on input/output errors, else 1 when a finding is
// at or above fail_on, else 0. Throws veil::Error for fatal problems.
ExitCode run_pipeline(const RunOptions& options, const RuleSet& rules,
                      const RunInfo& run, const KeyedHash& hash);

} // namespace veil
