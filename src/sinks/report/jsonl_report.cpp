// The jsonl format: one compact object per finding, written as it arrives,
// then a last line {"summary": {...}}. Each line parses on its own, so the
// report can be filtered with grep or jq -c while it is being written.
#include "sinks/report/finding_writer.hpp"
#include "sinks/report/json_fields.hpp"
#include "sinks/report/writer_factories.hpp"

namespace veil {

namespace {

class JsonlReport : public ReportWriter {
public:
  explicit JsonlReport(std::ostream& out) : m_out(out) {}

  void begin(const RunInfo&) override {}

  void finding(const Finding& f) override {
    m_text.clear();
    append_finding_json(f, -1, 0, m_text);
    m_text += '\n';
    m_out << m_text;
  }

  void end(const Summary& summary) override {
    nlohmann::ordered_json line;
    line["summary"] = summary_json(summary);
    m_out << dump_json(line, -1) << '\n';
  }

private:
  std::ostream& m_out;
  std::string m_text; // a finding's line, reused
};

} // namespace

std::unique_ptr<ReportWriter> make_jsonl_report(std::ostream& out,
                                                const ReportOptions&) {
  return std::make_unique<JsonlReport>(out);
}

} // namespace veil
