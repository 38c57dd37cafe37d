// A report format is a ReportWriter: begin() once, finding() for each
// Finding in input order, end() with the run's Summary. The json, jsonl and
// text writers stream: they write each finding as it arrives and hold none.
#pragma once

#include "core/finding.hpp"
#include "sinks/report/summary.hpp"

#include <memory>
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

struct RunInfo {
  std::string command; // "scan" or "redact"
  std::string version; // veil's version
  std::vector<PackInfo> packs;
};

struct ReportOptions {
  bool color = false; // ANSI colors (text format on a terminal)
  bool quiet = false; // summary only (text format)
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
