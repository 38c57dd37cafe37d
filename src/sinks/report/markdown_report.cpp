// The markdown format, written to be posted as a pull-request comment:
// a headline, counts by severity, a table of rules, and the worst 20
// findings (severity first, then input order) with masked previews. Every
// value from the input sits in a code span, so it can't add markup,
// mention anyone or break the table. Holds only the 20 findings it shows
// and one counter per rule.
#include "sinks/report/report_text.hpp"
#include "sinks/report/writer_factories.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace veil {

namespace {

constexpr size_t k_top = 20;

// A GitHub-flavored markdown code span in a table cell: '|' escaped (the
// table is split before code spans are read), and a fence of backticks
// longer than any run inside.
std::string code(std::string_view s) {
  const std::string text = safe_text(s);
  if (text.empty()) {
    return "";
  }
  size_t longest = 0;
  size_t run = 0;
  std::string body;
  for (const char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
    if (c == '|') {
      body += '\\';
    }
    body += c;
  }
  const std::string fence(longest + 1, '`');
  const bool pad = text.front() == '`' || text.back() == '`';
  return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

uint64_t count_in(const std::map<std::string, uint64_t>& m,
                  std::string_view key) {
  const auto it = m.find(std::string(key));
  return it == m.end() ? 0 : it->second;
}

struct RuleStats {
  std::string entity;
  Severity worst = Severity::info;
  uint64_t count = 0;
};

class MarkdownReport : public ReportWriter {
public:
  MarkdownReport(std::ostream& out, const ReportOptions& opts)
      : m_out(out), m_fail_on(opts.fail_on) {}

  void begin(const RunInfo& run) override {
    m_command = run.command;
    m_version = run.version;
  }

  void finding(const Finding& f) override {
    RuleStats& stats = m_rules[f.rule];
    if (stats.count == 0 || f.severity > stats.worst) {
      stats.worst = f.severity;
    }
    stats.entity = f.entity;
    ++stats.count;
    if (m_fail_on && f.severity >= *m_fail_on) {
      ++m_failing;
    }
    // Keyed (worse first, earlier first): the last entry is the one to drop.
    m_top.emplace(std::make_pair(-static_cast<int>(f.severity), m_seen++), f);
    if (m_top.size() > k_top) {
      m_top.erase(std::prev(m_top.end()));
    }
  }

  void end(const Summary& s) override {
    m_out << "### veil " << m_command << ": "
          << (s.findings == 0 ? "no findings" : count_of(s.findings, "finding"))
          << "\n\n";
    m_out << "Scanned " << count_of(s.records, "record") << " ("
          << count_of(s.bytes, "byte") << ", " << count_of(s.files, "file")
          << ").";
    if (m_command == "redact") {
      m_out << " Redacted " << count_of(s.redacted, "value") << ".";
    }
    if (s.errors > 0) {
      m_out << " **" << count_of(s.errors, "input line")
            << " could not be read.**";
    }
    m_out << '\n';
    if (m_fail_on) {
      m_out << '\n'
            << (m_failing > 0 ? "**Failed:** " : "**Passed:** ")
            << count_of(m_failing, "finding") << " at or above `"
            << to_string(*m_fail_on) << "`.\n";
    }
    if (s.findings > 0) {
      write_severities(s);
      write_rules();
      write_top(s);
    }
    m_out << "\n<sub>veil " << m_version << "</sub>\n";
  }

private:
  void write_severities(const Summary& s) {
    m_out << "\n|";
    for (const Severity v : k_severities_worst_first) {
      m_out << ' ' << to_string(v) << " |";
    }
    m_out << " total |\n|";
    for (size_t i = 0; i <= k_severities_worst_first.size(); ++i) {
      m_out << " ---: |";
    }
    m_out << "\n|";
    for (const Severity v : k_severities_worst_first) {
      m_out << ' ' << count_in(s.by_severity, to_string(v)) << " |";
    }
    m_out << " **" << s.findings << "** |\n";
  }

  void write_rules() {
    std::vector<std::pair<std::string, RuleStats>> rows(m_rules.begin(),
                                                        m_rules.end());
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto& a, const auto& b) {
                       if (a.second.worst != b.second.worst) {
                         return a.second.worst > b.second.worst;
                       }
                       return a.second.count > b.second.count;
                     });
    m_out << "\n| Rule | Entity | Severity | Findings |\n"
          << "| --- | --- | --- | ---: |\n";
    for (const auto& [rule, stats] : rows) {
      m_out << "| " << code(rule) << " | " << code(stats.entity) << " | "
            << to_string(stats.worst) << " | " << stats.count << " |\n";
    }
  }

  void write_top(const Summary& s) {
    m_out << "\n#### "
          << (s.findings > k_top
                  ? "The " + std::to_string(k_top) + " worst of " +
                        count_of(s.findings, "finding")
                  : std::string("Findings"))
          << "\n\n| Severity | Rule | Location | Field | Preview |\n"
          << "| --- | --- | --- | --- | --- |\n";
    for (const auto& [key, f] : m_top) {
      const std::string location = f.file + ":" + std::to_string(f.line) + ":" +
                                   std::to_string(f.column);
      m_out << "| " << to_string(f.severity) << " | " << code(f.rule) << " | "
            << code(location) << " | " << code(f.path) << " | "
            << code(f.preview) << " |\n";
    }
  }

  std::ostream& m_out;
  std::optional<Severity> m_fail_on;
  std::string m_command;
  std::string m_version;
  std::map<std::string, RuleStats> m_rules;
  std::map<std::pair<int, uint64_t>, Finding> m_top;
  uint64_t m_seen = 0;
  uint64_t m_failing = 0;
};

} // namespace

std::unique_ptr<ReportWriter> make_markdown_report(std::ostream& out,
                                                   const ReportOptions& opts) {
  return std::make_unique<MarkdownReport>(out, opts);
}

} // namespace veil
