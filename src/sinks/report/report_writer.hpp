// A report format is a ReportWriter: begin() once, finding() for each
// Finding in input order, end() with the run's Summary. Writers see only
// Finding, Summary and RunInfo, none of which holds a clear value. Most
// stream (each finding written as it arrives); junit and html hold them.
#pragma once

#include "core/finding.hpp"
#include "sinks/report/summary.hpp"

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace veil {

struct PackInfo {
  std::string name;
  std::string version;
  size_t rules = 0;
};

// A rule the run can report: the catalog's, then the input.* rules the
// reader raises. SARIF lists them as tool.driver.rules.
struct RuleInfo {
  std::string id;
  std::string description;
  std::string entity;
  std::string category;
  Severity severity = Severity::medium; // before per-match adjustment
};

struct RunInfo {
  std::string command; // "scan" or "redact"
  std::string version; // veil's version
  std::vector<PackInfo> packs;
  std::vector<RuleInfo> rules = {};
};

struct ReportOptions {
  bool color = false; // ANSI colors (text format on a terminal)
  bool quiet = false; // summary only (text format)
  // --fail-on: junit turns findings at or above it into failures.
  std::optional<Severity> fail_on = std::nullopt;
};

class ReportWriter {
public:
  virtual ~ReportWriter() = default;
  virtual void begin(const RunInfo& run) = 0;
  virtual void finding(const Finding& f) = 0;
  virtual void end(const Summary& summary) = 0;
};

// nullptr when the format name is unknown.
std::unique_ptr<ReportWriter> make_report_writer(std::string_view format,
                                                 std::ostream& out,
                                                 const ReportOptions& opts);
// Names accepted by make_report_writer, for --help and errors.
std::vector<std::string> report_format_names();

} // namespace veil
