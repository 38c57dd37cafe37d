// One factory per report format, each defined in its own file. formats.cpp
// puts them in the name -> factory table behind make_report_writer; a new
// format adds its factory here and a row there.
#pragma once

#include "sinks/report/report_writer.hpp"

#include <memory>
#include <ostream>

namespace veil {

std::unique_ptr<ReportWriter> make_json_report(std::ostream& out,
                                               const ReportOptions& opts);
std::unique_ptr<ReportWriter> make_jsonl_report(std::ostream& out,
                                                const ReportOptions& opts);
std::unique_ptr<ReportWriter> make_text_report(std::ostream& out,
                                               const ReportOptions& opts);
std::unique_ptr<ReportWriter> make_sarif_report(std::ostream& out,
                                                const ReportOptions& opts);
std::unique_ptr<ReportWriter> make_markdown_report(std::ostream& out,
                                                   const ReportOptions& opts);
std::unique_ptr<ReportWriter> make_junit_report(std::ostream& out,
                                                const ReportOptions& opts);
std::unique_ptr<ReportWriter> make_csv_report(std::ostream& out,
                                              const ReportOptions& opts);
std::unique_ptr<ReportWriter> make_html_report(std::ostream& out,
                                               const ReportOptions& opts);
std::unique_ptr<ReportWriter> make_github_report(std::ostream& out,
                                                 const ReportOptions& opts);

} // namespace veil
