// A small fixed run shared by the report format tests: three findings in two
// files (one JSON record with id and role, one text line) and the Summary
// they add up to. Each format's test compares its whole output to a string.
#pragma once

#include "sinks/report/report_writer.hpp"

#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace veil::sinks_test {

inline RunInfo fixture_run(std::string command = "redact") {
  return RunInfo{std::move(command),
                 "0.1.0",
                 {{"pii", "1.0", 12}, {"secrets", "1.2", 30}}};
}

inline std::vector<Finding> fixture_findings() {
  return {
      Finding{"logs/a.jsonl", 12, "req-7", "/messages/1/content", "user",
              "pii.email", "EMAIL_ADDRESS", "pii", Severity::medium, 0.954, 10,
              27, 48, "j***@example.com", "fp1", "redacted",
              "[EMAIL_ADDRESS_1]"},
      Finding{"logs/a.jsonl", 12, "req-7", "/messages/2/content", "assistant",
              "secret.openai_key", "OPENAI_API_KEY", "secret",
              Severity::critical, 1.0, 0, 51, 90, "sk-****wxyz", "fp2",
              "reported", ""},
      Finding{"notes.txt", 3, "", "", "", "pii.email", "EMAIL_ADDRESS", "pii",
              Severity::medium, 0.5, 5, 22, 6, "a***@ex\x1b[2J.com", "fp3",
              "redacted", "[EMAIL_ADDRESS_2]"},
  };
}

inline Summary fixture_summary() {
  Summary s;
  s.files = 2;
  s.records = 20;
  s.bytes = 4096;
  s.errors = 1;
  s.elapsed_seconds = 0.12345;
  for (const Finding& f : fixture_findings()) {
    s.add(f);
  }
  return s;
}

// Runs a whole report through the named format.
inline std::string render(std::string_view format,
                          const std::vector<Finding>& findings,
                          const Summary& summary, ReportOptions opts = {},
                          std::string command = "redact") {
  std::ostringstream out;
  const std::unique_ptr<ReportWriter> writer =
      make_report_writer(format, out, opts);
  if (!writer) {
    return "unknown format";
  }
  writer->begin(fixture_run(std::move(command)));
  for (const Finding& f : findings) {
    writer->finding(f);
  }
  writer->end(summary);
  return out.str();
}

} // namespace veil::sinks_test
