// The github format: one GitHub Actions workflow command per finding,
// "::error file=F,line=L,col=C,endColumn=E,title=RULE::message", which the
// runner turns into an annotation on that line of the pull request.
// critical/high are errors, medium warnings, low/info notices. Values are
// escaped as GitHub's toolkit does (% CR LF everywhere; ':' ',' in
// properties too). File names are made relative to the working directory,
// which is the checkout in a workflow. Streams; a plain summary line ends it.
#include "sinks/report/artifact_path.hpp"
#include "sinks/report/report_text.hpp"
#include "sinks/report/writer_factories.hpp"

#include <string>

namespace veil {

namespace {

std::string_view command_for(Severity s) {
  switch (s) {
  case Severity::critical:
  case Severity::high:
    return "error";
  case Severity::medium:
    return "warning";
  case Severity::low:
  case Severity::info:
    break;
  }
  return "notice";
}

// Message data. GitHub's toolkit escapes '%', CR and LF; safe_text has
// already spelled every control character as \xNN (the log shows what a
// finding's text holds, not a line break), which leaves '%'.
std::string escape_data(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : safe_text(s)) {
    if (c == '%') {
      out += "%25";
    } else {
      out += c;
    }
  }
  return out;
}

std::string escape_property(std::string_view s) {
  std::string out;
  for (const char c : escape_data(s)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

class GithubReport : public ReportWriter {
public:
  GithubReport(std::ostream& out, std::string cwd)
      : m_out(out), m_cwd(std::move(cwd)) {}

  void begin(const RunInfo&) override {}

  void finding(const Finding& f) override {
    m_out << "::" << command_for(f.severity)
          << " file=" << escape_property(relative_path(f.file, m_cwd))
          << ",line=" << std::max<uint64_t>(f.line, 1);
    if (f.column > 0) {
      m_out << ",col=" << f.column;
      if (f.end > f.start) {
        m_out << ",endColumn=" << f.column + (f.end - f.start);
      }
    }
    m_out << ",title=" << escape_property(f.rule) << "::" << message(f) << '\n';
  }

  void end(const Summary& s) override {
    m_out << "veil: " << count_of(s.findings, "finding") << " in "
          << count_of(s.records, "record") << " (" << count_of(s.files, "file")
          << "):";
    for (size_t i = 0; i < k_severities_worst_first.size(); ++i) {
      const std::string name(to_string(k_severities_worst_first[i]));
      const auto it = s.by_severity.find(name);
      m_out << (i == 0 ? " " : ", ")
            << (it == s.by_severity.end() ? 0 : it->second) << ' ' << name;
    }
    m_out << '\n';
  }

private:
  static std::string message(const Finding& f) {
    std::string text = std::string(to_string(f.severity)) + " " + f.entity;
    if (!f.preview.empty()) {
      text += " " + f.preview;
    }
    if (!f.path.empty()) {
      text += " at " + f.path;
    }
    if (!f.record_id.empty()) {
      text += " (record " + f.record_id + ")";
    }
    if (!f.fingerprint.empty()) {
      text += " fingerprint " + f.fingerprint.substr(0, 16);
    }
    return escape_data(text);
  }

  std::ostream& m_out;
  std::string m_cwd;
};

} // namespace

std::unique_ptr<ReportWriter> make_github_report(std::ostream& out,
                                                 const ReportOptions&) {
  return std::make_unique<GithubReport>(out, current_directory());
}

} // namespace veil
