// `veil redact --check`: writes nothing but says, on stderr, where the
// redacted output would differ from the input ("FILE:LINE:COL: RULE would
// be redacted"), like `black --check`. The pre-commit hook
// veil-redact-check uses it.
#pragma once

#include "sinks/report/report_writer.hpp"

#include <ostream>

namespace veil {

class CheckWriter : public ReportWriter {
public:
  explicit CheckWriter(std::ostream& err) : m_err(err) {}

  void begin(const RunInfo&) override {}
  void finding(const Finding& f) override;
  void end(const Summary& summary) override;
  // Some value would be replaced (suppressed findings too: ignores never
  // stop a redaction).
  bool would_change() const { return m_redacted > 0; }

private:
  std::ostream& m_err;
  uint64_t m_redacted = 0;
};

} // namespace veil
