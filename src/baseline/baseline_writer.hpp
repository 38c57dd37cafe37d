// `veil baseline`: collects the run's findings (those not already
// suppressed) as baseline entries and writes the file at the end, through
// an atomic file, so an interrupted run leaves the old baseline in place.
#pragma once

#include "baseline/baseline_file.hpp"
#include "sinks/report/report_writer.hpp"

#include <filesystem>
#include <string>

namespace veil {

class BaselineWriter : public ReportWriter {
public:
  // destination: "-" or a path; entry files are made relative to its
  // directory. any_file: entries without "file" (match anywhere).
  BaselineWriter(std::string destination, std::string salt, bool any_file,
                 std::filesystem::path cwd);

  void begin(const RunInfo&) override {}
  void finding(const Finding& f) override;
  void end(const Summary& summary) override;

private:
  std::string m_destination;
  std::filesystem::path m_base;
  std::filesystem::path m_cwd;
  bool m_any_file;
  Baseline m_baseline;
  size_t m_findings = 0;
};

} // namespace veil
