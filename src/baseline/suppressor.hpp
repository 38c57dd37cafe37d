// Decides which findings are already known and accepted: inline allow
// markers, .veilignore entries and --baseline entries, checked in that
// order. A suppressed finding is left out of the report and never fails
// the run; the summary counts it. It sees only Findings (the builder has
// already computed the facts that need the value: fingerprints and the
// marker flag), and runs in the ordered stage, so it can count which
// entries were used for --report-unused-ignores.
#pragma once

#include "baseline/baseline_file.hpp"
#include "baseline/ignore_file.hpp"
#include "core/finding.hpp"

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

namespace veil {

struct LoadedBaseline {
  std::string name;           // the --baseline path as given
  std::filesystem::path base; // its directory: entry files are relative to it
  Baseline baseline;
};

class Suppressor {
public:
  Suppressor(std::optional<LoadedBaseline> baseline,
             std::optional<IgnoreFile> ignore, bool inline_allow,
             std::filesystem::path cwd);

  bool suppresses(const Finding& f);
  // "veil: NAME:LINE: unused baseline entry (rule ID, file F)" per entry
  // that matched nothing; returns how many.
  size_t report_unused(std::ostream& err) const;

private:
  bool ignored(const Finding& f);
  bool baselined(const Finding& f);
  const std::string& relative(const std::string& file,
                              const std::filesystem::path& base,
                              std::string& cache_key, std::string& cache);

  std::optional<LoadedBaseline> m_baseline;
  std::optional<IgnoreFile> m_ignore;
  bool m_inline_allow;
  std::filesystem::path m_cwd;
  std::unordered_map<std::string, std::vector<size_t>> m_by_fingerprint;
  std::vector<bool> m_baseline_used;
  std::vector<bool> m_ignore_used;
  // Findings come file by file: the last file's relative names.
  std::string m_baseline_key, m_baseline_rel;
  std::string m_ignore_key, m_ignore_rel;
};

} // namespace veil
