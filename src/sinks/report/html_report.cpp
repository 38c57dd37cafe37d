// The html format: one self-contained page to read a run at a glance.
// Totals, bar charts (inline SVG) of findings by severity, entity, rule,
// file and field, and a table of findings that sorts when a header is
// clicked and filters as you type. No network: the style sheet and script
// are inline and pinned by a Content-Security-Policy (html_assets.hpp).
// Every value from the input is escaped (markup_escape.hpp) and previews
// are masked, as in every report. The table holds at most k_max_rows
// findings, the worst ones; the charts count all of them.
#include "sinks/report/html_assets.hpp"
#include "sinks/report/html_chart.hpp"
#include "sinks/report/markup_escape.hpp"
#include "sinks/report/report_text.hpp"
#include "sinks/report/writer_factories.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace veil {

namespace {

constexpr size_t k_max_rows = 10000;
constexpr size_t k_chart_bars = 12;

std::string human_bytes(uint64_t n) {
  if (n < 1024) {
    return count_of(n, "byte");
  }
  constexpr const char* k_units[] = {"KiB", "MiB", "GiB", "TiB"};
  double value = static_cast<double>(n) / 1024;
  size_t unit = 0;
  while (value >= 1024 && unit + 1 < std::size(k_units)) {
    value /= 1024;
    ++unit;
  }
  char text[32];
  std::snprintf(text, sizeof text, "%.1f %s", value, k_units[unit]);
  return text;
}

std::string severity_class(Severity s) {
  return "sev-" + std::string(to_string(s));
}

// The table's columns: sort key for "#sort=", header, and how it sorts.
struct Column {
  std::string_view key;
  std::string_view title;
  bool numeric;
  bool descending_first;
};

// clang-format off
constexpr Column k_columns[] = {
  {"n",           "#",          true,  false},
  {"severity",    "Severity",   true,  true},
  {"rule",        "Rule",       false, false},
  {"entity",      "Entity",     false, false},
  {"file",        "File",       false, false},
  {"line",        "Line:Col",   true,  false},
  {"field",       "Field",      false, false},
  {"role",        "Role",       false, false},
  {"record",      "Record",     false, false},
  {"preview",     "Preview",    false, false},
  {"confidence",  "Confidence", true,  true},
  {"action",      "Action",     false, false},
  {"fingerprint", "Fingerprint",false, false},
};
// clang-format on

class HtmlReport : public ReportWriter {
public:
  HtmlReport(std::ostream& out, const ReportOptions& opts)
      : m_out(out), m_fail_on(opts.fail_on) {}

  void begin(const RunInfo& run) override { m_run = run; }

  void finding(const Finding& f) override {
    ++m_by_file[f.file];
    if (m_fail_on && f.severity >= *m_fail_on) {
      ++m_failing;
    }
    // Keyed (worse first, earlier first): the last entry is the one to drop.
    m_rows.emplace(std::make_pair(-static_cast<int>(f.severity), m_seen++), f);
    if (m_rows.size() > k_max_rows) {
      m_rows.erase(std::prev(m_rows.end()));
    }
  }

  void end(const Summary& s) override {
    const std::string title = "veil " + m_run.command + " report";
    m_out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
          << "<meta charset=\"utf-8\">\n"
          << "<meta http-equiv=\"Content-Security-Policy\" content=\""
          << html_content_security_policy() << "\">\n"
          << "<meta name=\"viewport\" content=\"width=device-width, "
             "initial-scale=1\">\n"
          << "<meta name=\"referrer\" content=\"no-referrer\">\n"
          << "<title>" << markup_escape(title) << ": "
          << count_of(s.findings, "finding") << "</title>\n"
          << "<style>" << html_style() << "</style>\n"
          << "</head>\n<body>\n<header>\n<h1>" << markup_escape(title)
          << "</h1>\n";
    write_meta(s);
    m_out << "</header>\n";
    write_totals(s);
    write_charts(s);
    write_table(s);
    write_footer(s);
    m_out << "<script>" << html_script() << "</script>\n</body>\n</html>\n";
  }

private:
  void write_meta(const Summary& s) {
    m_out << "<p class=\"meta\">" << count_of(s.findings, "finding") << " in "
          << count_of(s.records, "record") << ", " << count_of(s.files, "file")
          << ", " << human_bytes(s.bytes);
    if (m_fail_on) {
      m_out << ". Fails on " << to_string(*m_fail_on) << ": "
            << (m_failing > 0 ? "<strong>" : "")
            << count_of(m_failing, "finding") << " at or above"
            << (m_failing > 0 ? "</strong>" : "");
    }
    m_out << ".</p>\n";
  }

  void card(const std::string& value, std::string_view label,
            std::string_view css_class = "") {
    m_out << "<div class=\"card" << (css_class.empty() ? "" : " ") << css_class
          << "\"><b>" << value << "</b><span>" << label << "</span></div>\n";
  }

  void write_totals(const Summary& s) {
    m_out << "<section class=\"totals\" aria-label=\"Totals\">\n";
    card(std::to_string(s.findings), "findings");
    for (const Severity v : k_severities_worst_first) {
      const auto it = s.by_severity.find(std::string(to_string(v)));
      card(std::to_string(it == s.by_severity.end() ? 0 : it->second),
           to_string(v), severity_class(v));
    }
    card(std::to_string(s.records), "records");
    card(std::to_string(s.files), "files");
    card(markup_escape(human_bytes(s.bytes)), "scanned");
    if (m_run.command == "redact") {
      card(std::to_string(s.redacted), "redacted");
    }
    card(std::to_string(s.errors), "unreadable lines", s.errors ? "bad" : "");
    m_out << "</section>\n";
  }

  void chart(std::string_view title, const std::vector<Bar>& bars) {
    m_out << "<figure>\n<figcaption>" << title << "</figcaption>\n";
    if (bars.empty()) {
      m_out << "<p class=\"empty\">No findings.</p>\n";
    } else {
      m_out << bar_chart_svg(title, bars) << '\n';
    }
    m_out << "</figure>\n";
  }

  void write_charts(const Summary& s) {
    std::vector<Bar> severities;
    for (const Severity v : k_severities_worst_first) {
      const auto it = s.by_severity.find(std::string(to_string(v)));
      if (it != s.by_severity.end()) {
        severities.push_back(
            Bar{std::string(to_string(v)), it->second, severity_class(v)});
      }
    }
    std::map<std::string, uint64_t> fields;
    for (const auto& [field, count] : s.by_field) {
      fields[field.empty() ? "(text line)" : field] += count;
    }
    m_out << "<h2>Findings by kind</h2>\n<section class=\"charts\">\n";
    chart("By severity", severities);
    chart("By entity", top_bars(s.by_entity, k_chart_bars));
    chart("By rule", top_bars(s.by_rule, k_chart_bars));
    chart("By file", top_bars(m_by_file, k_chart_bars));
    chart("By field", top_bars(fields, k_chart_bars));
    m_out << "</section>\n";
  }

  void write_table(const Summary& s) {
    std::vector<std::pair<uint64_t, const Finding*>> rows;
    rows.reserve(m_rows.size());
    for (const auto& [key, f] : m_rows) {
      rows.emplace_back(key.second, &f);
    }
    std::sort(rows.begin(), rows.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    m_out << "<h2>Findings</h2>\n<div class=\"tools\"><input type=\"search\" "
             "id=\"filter\" placeholder=\"Filter findings\" "
             "aria-label=\"Filter findings\"><span><span id=\"shown\">"
          << rows.size() << "</span> of " << count_of(s.findings, "finding");
    if (rows.size() < s.findings) {
      m_out << " (the table keeps the " << rows.size() << " most severe)";
    }
    m_out << "</span></div>\n<div class=\"scroll\">\n<table id=\"findings\">\n"
             "<thead><tr>";
    for (const Column& c : k_columns) {
      m_out << "<th data-key=\"" << c.key << "\""
            << (c.numeric ? " data-type=\"num\" class=\"num\"" : "")
            << (c.descending_first ? " data-first=\"desc\"" : "")
            << "><button type=\"button\">" << c.title << "</button></th>";
    }
    m_out << "</tr></thead>\n<tbody>\n";
    for (const auto& [seq, f] : rows) {
      write_row(seq + 1, *f);
    }
    m_out << "</tbody>\n</table>\n</div>\n";
  }

  void text_cell(const std::string& text, bool code = false) {
    m_out << "<td" << (code ? " class=\"wrap\"><code>" : ">")
          << markup_escape(text) << (code ? "</code>" : "") << "</td>";
  }

  void write_row(uint64_t n, const Finding& f) {
    char confidence[16];
    std::snprintf(confidence, sizeof confidence, "%.2f", f.confidence);
    m_out << "<tr><td class=\"num\">" << n << "</td><td data-v=\""
          << static_cast<int>(f.severity) << "\"><span class=\"sev "
          << severity_class(f.severity) << "\">" << to_string(f.severity)
          << "</span></td>";
    text_cell(f.rule);
    text_cell(f.entity);
    text_cell(f.file);
    // Sorts by line; ties keep input order, which within a line is the
    // order of the fields.
    m_out << "<td class=\"num\" data-v=\"" << f.line << "\">" << f.line << ':'
          << f.column << "</td>";
    text_cell(f.path, true);
    text_cell(f.role);
    text_cell(f.record_id);
    text_cell(f.preview, true);
    m_out << "<td class=\"num\">" << confidence << "</td>";
    // Only a redacted value was replaced; scan shows the label it would get
    // in the json report only.
    text_cell(f.action == "redacted" && !f.replacement.empty()
                  ? f.action + " as " + f.replacement
                  : f.action);
    m_out << "<td title=\"" << markup_escape(f.fingerprint) << "\"><code>"
          << markup_escape(f.fingerprint.substr(0, 12))
          << "</code></td></tr>\n";
  }

  void write_footer(const Summary& s) {
    m_out << "<footer>\n<p>veil " << markup_escape(m_run.version) << ", "
          << count_of(m_run.rules.size(), "rule");
    char elapsed[32];
    std::snprintf(elapsed, sizeof elapsed, "%.3f", s.elapsed_seconds);
    // Alone on its line, as in the text report, so tests can mask it.
    m_out << ".</p>\n<p>\nelapsed: " << elapsed << "s\n</p>\n</footer>\n";
  }

  std::ostream& m_out;
  std::optional<Severity> m_fail_on;
  RunInfo m_run;
  std::map<std::string, uint64_t> m_by_file;
  std::map<std::pair<int, uint64_t>, Finding> m_rows;
  uint64_t m_seen = 0;
  uint64_t m_failing = 0;
};

} // namespace

std::unique_ptr<ReportWriter> make_html_report(std::ostream& out,
                                               const ReportOptions& opts) {
  return std::make_unique<HtmlReport>(out, opts);
}

} // namespace veil
