#include "sinks/report/check_writer.hpp"

namespace veil {

void CheckWriter::finding(const Finding& f) {
  if (f.action == "redacted") {
    m_err << "veil: " << f.file << ':' << f.line << ':' << f.column << ": "
          << f.rule << " would be redacted\n";
  }
}

void CheckWriter::end(const Summary& summary) {
  m_redacted = summary.redacted;
  if (m_redacted > 0) {
    m_err << "veil: --check: " << m_redacted
          << (m_redacted == 1 ? " value" : " values") << " would be redacted\n";
  }
}

} // namespace veil
