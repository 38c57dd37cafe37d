// The flags and setup of baselines and ignores (src/baseline/): which
// findings a run leaves out (--baseline, .veilignore, inline markers),
// which files a directory walk skips (--exclude, .gitignore), and the two
// observers of the finding stream: `veil baseline`'s writer and
// `redact --check`.
#pragma once

#include "actions/keyed_hash.hpp"
#include "baseline/suppressor.hpp"
#include "cli/options.hpp"
#include "pipeline/pipeline.hpp"
#include "sinks/report/check_writer.hpp"

#include <CLI/CLI.hpp>

#include <memory>

namespace veil {

// --exclude, --no-gitignore: scan, redact and baseline.
void add_walk_flags(CLI::App& cmd, Options& o);
// --baseline, --report-unused-ignores: scan and redact.
void add_baseline_flags(CLI::App& cmd, Options& o);
// --no-ignore-file, --no-inline-allow: scan, redact and baseline.
void add_ignore_file_flags(CLI::App& cmd, Options& o);

// What a run needs to keep alive while it runs.
class IgnoreSetup {
public:
  // command: "scan", "redact" or "baseline". Fills r.walk, r.suppressor,
  // r.observers and r.actions' baseline fields; reads the files. Throws
  // UsageError or RuleError (exit 2).
  IgnoreSetup(const std::string& command, const Options& o, RunOptions& r);

  // The key fingerprints are reported under: the user's key when there is
  // one, else the baseline's salt, else user_key (the public salt).
  const KeyedHash& fingerprint_key(const KeyedHash& user_key) const;
  // After the run: lists unused entries (--report-unused-ignores) and
  // turns a clean `redact --check` that would change something into 1.
  ExitCode finish(ExitCode code) const;

private:
  bool m_report_unused = false;
  std::unique_ptr<KeyedHash> m_salt_hash;
  std::unique_ptr<Suppressor> m_suppressor;
  std::unique_ptr<ReportWriter> m_baseline_writer;
  std::unique_ptr<CheckWriter> m_check;
};

} // namespace veil
