// The csv format (RFC 4180): a header row, then one row per finding with
// the fields of a json finding in the same order, lines ending in CRLF.
// Streams; no summary row, so every row is a finding. Text is made safe
// (report_text.hpp), and a text field that a spreadsheet would run as a
// formula (starting with = + - @) gets a leading apostrophe.
#include "sinks/report/report_text.hpp"
#include "sinks/report/writer_factories.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <string>

namespace veil {

namespace {

constexpr std::string_view k_header =
    "file,line,record_id,path,role,rule,entity,category,severity,confidence,"
    "start,end,column,preview,fingerprint,action,replacement\r\n";

std::string csv_text(std::string_view s) {
  std::string text = safe_text(s);
  if (!text.empty() &&
      (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@')) {
    text.insert(text.begin(), '\'');
  }
  if (text.find_first_of(",\"") == std::string::npos) {
    return text;
  }
  std::string out = "\"";
  for (const char c : text) {
    out += c;
    if (c == '"') {
      out += '"';
    }
  }
  out += '"';
  return out;
}

// Two decimals, spelled as the json report spells them (0.95, 1.0).
std::string confidence_text(double confidence) {
  return nlohmann::json(std::round(confidence * 100) / 100).dump();
}

class CsvReport : public ReportWriter {
public:
  explicit CsvReport(std::ostream& out) : m_out(out) {}

  void begin(const RunInfo&) override { m_out << k_header; }

  void finding(const Finding& f) override {
    m_out << csv_text(f.file) << ',' << f.line << ',' << csv_text(f.record_id)
          << ',' << csv_text(f.path) << ',' << csv_text(f.role) << ','
          << csv_text(f.rule) << ',' << csv_text(f.entity) << ','
          << csv_text(f.category) << ',' << to_string(f.severity) << ','
          << confidence_text(f.confidence) << ',' << f.start << ',' << f.end
          << ',' << f.column << ',' << csv_text(f.preview) << ','
          << csv_text(f.fingerprint) << ',' << csv_text(f.action) << ','
          << csv_text(f.replacement) << "\r\n";
  }

  void end(const Summary&) override {}

private:
  std::ostream& m_out;
};

} // namespace

std::unique_ptr<ReportWriter> make_csv_report(std::ostream& out,
                                              const ReportOptions&) {
  return std::make_unique<CsvReport>(out);
}

} // namespace veil
