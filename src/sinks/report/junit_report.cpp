// The junit format, for CI systems that show test results (GitLab, Jenkins,
// Azure): each input file with findings is a testcase, each finding at or
// above --fail-on a <failure> in it, and the findings below the threshold
// are listed in its <system-out>. Unreadable input lines make one more
// testcase with an <error>. The counts come first in the XML, so the
// findings are held until end(); they are report-safe (masked previews).
// Files without findings do not appear: the report sees only findings.
#include "sinks/report/markup_escape.hpp"
#include "sinks/report/report_text.hpp"
#include "sinks/report/writer_factories.hpp"

#include <string>
#include <unordered_map>
#include <vector>

namespace veil {

namespace {

struct FileCase {
  std::string file;
  std::vector<Finding> findings;
  uint64_t failing = 0;
};

std::string location(const Finding& f) {
  return f.file + ":" + std::to_string(f.line) + ":" + std::to_string(f.column);
}

// One line per finding, as the text report writes it.
std::string describe(const Finding& f) {
  std::string line = location(f) + "  " + std::string(to_string(f.severity)) +
                     "  " + f.rule + "  " + f.entity;
  if (!f.path.empty()) {
    line += "  " + f.path;
  }
  if (!f.preview.empty()) {
    line += "  " + f.preview;
  }
  if (!f.fingerprint.empty()) {
    line += "  fingerprint " + f.fingerprint;
  }
  return line;
}

class JunitReport : public ReportWriter {
public:
  JunitReport(std::ostream& out, const ReportOptions& opts)
      : m_out(out), m_fail_on(opts.fail_on) {}

  void begin(const RunInfo& run) override {
    m_command = run.command;
    m_version = run.version;
  }

  void finding(const Finding& f) override {
    auto [it, added] = m_index.emplace(f.file, m_cases.size());
    if (added) {
      m_cases.push_back(FileCase{f.file, {}, 0});
    }
    FileCase& c = m_cases[it->second];
    c.findings.push_back(f);
    if (failing(f)) {
      ++c.failing;
    }
  }

  void end(const Summary& s) override {
    uint64_t failed = 0;
    for (const FileCase& c : m_cases) {
      failed += c.failing > 0 ? 1 : 0;
    }
    const size_t errored = s.errors > 0 ? 1 : 0;
    const std::string counts = " tests=\"" +
                               std::to_string(m_cases.size() + errored) +
                               "\" failures=\"" + std::to_string(failed) +
                               "\" errors=\"" + std::to_string(errored) + "\"";
    m_out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          << "<testsuites name=\"veil\"" << counts << ">\n"
          << "  <testsuite name=\"veil " << markup_escape(m_command) << "\""
          << counts << " skipped=\"0\">\n";
    write_properties(s);
    for (const FileCase& c : m_cases) {
      write_case(c);
    }
    if (s.errors > 0) {
      m_out << "    <testcase classname=\"veil\" name=\"input\">\n"
            << "      <error type=\"input\" message=\""
            << count_of(s.errors, "input line") << " could not be read\"/>\n"
            << "    </testcase>\n";
    }
    m_out << "  </testsuite>\n</testsuites>\n";
  }

private:
  bool failing(const Finding& f) const {
    return m_fail_on && f.severity >= *m_fail_on;
  }

  void property(std::string_view name, const std::string& value) {
    m_out << "      <property name=\"" << name << "\" value=\""
          << markup_escape(value) << "\"/>\n";
  }

  void write_properties(const Summary& s) {
    m_out << "    <properties>\n";
    property("veil.version", m_version);
    property("fail_on", m_fail_on ? std::string(to_string(*m_fail_on))
                                  : std::string("never"));
    property("files", std::to_string(s.files));
    property("records", std::to_string(s.records));
    property("bytes", std::to_string(s.bytes));
    property("findings", std::to_string(s.findings));
    m_out << "    </properties>\n";
  }

  void write_case(const FileCase& c) {
    const std::string name = markup_escape(c.file);
    m_out << "    <testcase classname=\"veil\" name=\"" << name << "\" file=\""
          << name << "\">\n";
    std::string below;
    for (const Finding& f : c.findings) {
      if (!failing(f)) {
        below += markup_escape(describe(f)) + "\n";
        continue;
      }
      std::string message =
          std::string(to_string(f.severity)) + " " + f.entity +
          (f.preview.empty() ? "" : " " + f.preview) + " at " + location(f);
      m_out << "      <failure type=\"" << markup_escape(f.rule)
            << "\" message=\"" << markup_escape(message) << "\">"
            << markup_escape(describe(f)) << "</failure>\n";
    }
    if (!below.empty()) {
      m_out << "      <system-out>"
            << (m_fail_on ? "below " + std::string(to_string(*m_fail_on))
                          : std::string("findings"))
            << ":\n"
            << below << "</system-out>\n";
    }
    m_out << "    </testcase>\n";
  }

  std::ostream& m_out;
  std::optional<Severity> m_fail_on;
  std::string m_command;
  std::string m_version;
  std::vector<FileCase> m_cases;
  std::unordered_map<std::string, size_t> m_index;
};

} // namespace

std::unique_ptr<ReportWriter> make_junit_report(std::ostream& out,
                                                const ReportOptions& opts) {
  return std::make_unique<JunitReport>(out, opts);
}

} // namespace veil
