#include "sinks/report/report_writer.hpp"
#include "sinks/report/writer_factories.hpp"

namespace veil {

namespace {

using Factory = std::unique_ptr<ReportWriter> (*)(std::ostream&,
                                                  const ReportOptions&);

struct Format {
  std::string_view name;
  Factory make;
};

// clang-format off
constexpr Format k_formats[] = {
  {"json",     make_json_report},
  {"jsonl",    make_jsonl_report},
  {"sarif",    make_sarif_report},
  {"text",     make_text_report},
  {"markdown", make_markdown_report},
  {"junit",    make_junit_report},
  {"csv",      make_csv_report},
  {"html",     make_html_report},
  {"github",   make_github_report},
};
// clang-format on

} // namespace

std::unique_ptr<ReportWriter> make_report_writer(std::string_view format,
                                                 std::ostream& out,
                                                 const ReportOptions& opts) {
  for (const Format& f : k_formats) {
    if (f.name == format) {
      return f.make(out, opts);
    }
  }
  return nullptr;
}

std::vector<std::string> report_format_names() {
  std::vector<std::string> names;
  for (const Format& f : k_formats) {
    names.emplace_back(f.name);
  }
  return names;
}

} // namespace veil
