// The text format, for people at a terminal: findings grouped under their
// file name, one line each, then a summary. Columns are separated by two
// spaces rather than padded to a width, because widths are only known at
// the end and the report streams. The elapsed time is alone on the last
// line ("elapsed: ") so golden tests can filter it out.
#include "sinks/report/writer_factories.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

namespace veil {

namespace {

constexpr std::string_view k_reset = "\x1b[0m";
constexpr std::string_view k_bold = "\x1b[1m";

std::string_view severity_color(Severity s) {
  switch (s) {
  case Severity::critical:
  case Severity::high:
    return "\x1b[1;31m";
  case Severity::medium:
    return "\x1b[33m";
  case Severity::low:
    return "\x1b[36m";
  case Severity::info:
    return "\x1b[2m";
  }
  return "";
}

// Input bytes end up in file names and previews; a log line must not be
// able to move the cursor or retitle the terminal, so control characters
// (C0, DEL and C1 as UTF-8) are shown as \xNN.
std::string printable(std::string_view s) {
  constexpr char k_hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const bool c1 = c == 0xC2 && i + 1 < s.size() &&
                    static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(s[i + 1]) <= 0x9F;
    const size_t n = c1 ? 2 : (c < 0x20 || c == 0x7F ? 1 : 0);
    if (n == 0) {
      out += static_cast<char>(c);
      continue;
    }
    for (size_t k = 0; k < n; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      out += "\\x";
      out += k_hex[b >> 4];
      out += k_hex[b & 0xF];
    }
    i += n - 1;
  }
  return out;
}

std::string count_of(uint64_t n, std::string_view noun) {
  std::string out = std::to_string(n);
  out += ' ';
  out += noun;
  if (n != 1) {
    out += 's';
  }
  return out;
}

class TextReport : public ReportWriter {
public:
  TextReport(std::ostream& out, const ReportOptions& opts)
      : m_out(out), m_opts(opts) {}

  void begin(const RunInfo& run) override { m_command = run.command; }

  void finding(const Finding& f) override {
    if (m_opts.quiet) {
      return;
    }
    if (m_count == 0 || f.file != m_file) {
      if (m_count > 0) {
        m_out << '\n';
      }
      m_file = f.file;
      styled(k_bold, printable(f.file));
      m_out << '\n';
    }
    ++m_count;
    m_out << "  " << f.line << ':' << f.column << "  ";
    // Pad outside the color codes so columns line up either way.
    const std::string_view severity = to_string(f.severity);
    styled(severity_color(f.severity), severity);
    m_out << std::string(k_severity_width - severity.size(), ' ');
    m_out << "  " << f.rule << "  " << f.entity;
    if (!f.path.empty()) {
      m_out << "  " << printable(f.path);
    }
    m_out << "  " << printable(f.preview);
    if (!f.replacement.empty()) {
      m_out << "  -> " << printable(f.replacement);
    }
    write_signals(f);
    m_out << '\n';
  }

  // injection.risk: its score and the rules that made it up.
  void write_signals(const Finding& f) {
    if (f.signals.empty()) {
      return;
    }
    char score[8];
    std::snprintf(score, sizeof score, "%.2f", f.confidence);
    m_out << "  score " << score << ":";
    for (size_t i = 0; i < f.signals.size(); ++i) {
      m_out << (i == 0 ? " " : ", ") << f.signals[i];
    }
  }

  void end(const Summary& s) override {
    if (m_count > 0) {
      m_out << '\n';
    }
    m_out << count_of(s.findings, "finding") << " in "
          << count_of(s.records, "record") << " (" << count_of(s.bytes, "byte")
          << ", " << count_of(s.files, "file") << "):";
    for (int v = static_cast<int>(Severity::critical);
         v >= static_cast<int>(Severity::info); --v) {
      const std::string name(to_string(static_cast<Severity>(v)));
      const auto it = s.by_severity.find(name);
      m_out << (v == static_cast<int>(Severity::critical) ? " " : ", ")
            << (it == s.by_severity.end() ? 0 : it->second) << ' ' << name;
    }
    m_out << '\n';
    write_rule_counts(s);
    if (m_command == "redact") {
      m_out << "redacted: " << s.redacted << '\n';
    }
    if (s.errors > 0) {
      m_out << "errors: " << s.errors << '\n';
    }
    if (s.suppressed > 0) {
      m_out << "suppressed: " << s.suppressed
            << " (baseline, .veilignore or inline allow)\n";
    }
    char elapsed[32];
    std::snprintf(elapsed, sizeof elapsed, "%.3f", s.elapsed_seconds);
    m_out << "elapsed: " << elapsed << "s\n";
  }

private:
  static constexpr size_t k_severity_width = 8; // "critical"

  void write_rule_counts(const Summary& s) {
    size_t width = 0;
    for (const auto& [rule, count] : s.by_rule) {
      width = std::max(width, rule.size());
    }
    for (const auto& [rule, count] : s.by_rule) {
      m_out << "  " << rule << std::string(width - rule.size(), ' ') << "  "
            << count << '\n';
    }
  }

  void styled(std::string_view style, std::string_view text) {
    if (m_opts.color) {
      m_out << style << text << k_reset;
    } else {
      m_out << text;
    }
  }

  std::ostream& m_out;
  ReportOptions m_opts;
  std::string m_command;
  std::string m_file; // the file whose header was written last
  uint64_t m_count = 0;
};

} // namespace

std::unique_ptr<ReportWriter> make_text_report(std::ostream& out,
                                               const ReportOptions& opts) {
  return std::make_unique<TextReport>(out, opts);
}

} // namespace veil
