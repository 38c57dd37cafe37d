// The json format: one document {"tool", "findings", "summary"}, laid out
// exactly as nlohmann's dump(2) of the whole document would be, but
// streamed: each finding is written as it arrives and nothing is held, so a
// run with millions of findings still runs in constant memory.
#include "sinks/report/json_fields.hpp"
#include "sinks/report/writer_factories.hpp"

#include <string>

namespace veil {

namespace {

// Text of a value dumped at the top level, shifted right by `by` spaces so
// it sits nested inside the document. JSON strings never hold a raw
// newline, so every '\n' in a dump starts a new line of layout.
std::string nested(const nlohmann::ordered_json& j, size_t by) {
  const std::string text = dump_json(j, 2);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    out += c;
    if (c == '\n') {
      out.append(by, ' ');
    }
  }
  return out;
}

class JsonReport : public ReportWriter {
public:
  explicit JsonReport(std::ostream& out) : m_out(out) {}

  void begin(const RunInfo& run) override {
    m_out << "{\n  \"tool\": " << nested(tool_json(run), 2)
          << ",\n  \"findings\": [";
  }

  void finding(const Finding& f) override {
    m_out << (m_count == 0 ? "\n    " : ",\n    ")
          << nested(finding_json(f), 4);
    ++m_count;
  }

  void end(const Summary& summary) override {
    // dump(2) spells an empty array "[]", a full one with "]" on its own line.
    m_out << (m_count == 0 ? "]" : "\n  ]")
          << ",\n  \"summary\": " << nested(summary_json(summary), 2)
          << "\n}\n";
  }

private:
  std::ostream& m_out;
  uint64_t m_count = 0;
};

} // namespace

std::unique_ptr<ReportWriter> make_json_report(std::ostream& out,
                                               const ReportOptions&) {
  return std::make_unique<JsonReport>(out);
}

} // namespace veil
