// The json format: one document {"tool", "findings", "summary"}, laid out
// exactly as nlohmann's dump(2) of the whole document would be, but
// streamed: each finding is written as it arrives and nothing is held, so a
// run with millions of findings still runs in constant memory.
#include "sinks/report/finding_writer.hpp"
#include "sinks/report/json_fields.hpp"
#include "sinks/report/json_layout.hpp"
#include "sinks/report/writer_factories.hpp"

#include <string>

namespace veil {

namespace {

class JsonReport : public ReportWriter {
public:
  explicit JsonReport(std::ostream& out) : m_out(out) {}

  void begin(const RunInfo& run) override {
    m_out << "{\n  \"tool\": " << nested_json(tool_json(run), 2)
          << ",\n  \"findings\": [";
  }

  void finding(const Finding& f) override {
    m_text.assign(m_count == 0 ? "\n    " : ",\n    ");
    append_finding_json(f, 2, 4, m_text);
    m_out << m_text;
    ++m_count;
  }

  void end(const Summary& summary) override {
    // dump(2) spells an empty array "[]", a full one with "]" on its own line.
    m_out << (m_count == 0 ? "]" : "\n  ]")
          << ",\n  \"summary\": " << nested_json(summary_json(summary), 2)
          << "\n}\n";
  }

private:
  std::ostream& m_out;
  uint64_t m_count = 0;
  std::string m_text; // a finding's, reused
};

} // namespace

std::unique_ptr<ReportWriter> make_json_report(std::ostream& out,
                                               const ReportOptions&) {
  return std::make_unique<JsonReport>(out);
}

} // namespace veil
