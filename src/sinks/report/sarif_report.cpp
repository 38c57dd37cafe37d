// The sarif format: a SARIF 2.1.0 log with one run, for GitHub code
// scanning and other SARIF viewers. tool.driver.rules lists every rule of
// the run; each finding is a result, streamed as it arrives (the layout is
// nlohmann's dump(2) of the whole document, as for json). File URIs are
// relative: to the working directory when the file is under it, else to
// file:/// through the uriBaseId ROOT. Columns count bytes of the raw line
// (the same as code points on ASCII lines).
#include "sinks/report/artifact_path.hpp"
#include "sinks/report/json_fields.hpp"
#include "sinks/report/json_layout.hpp"
#include "sinks/report/sarif_fields.hpp"
#include "sinks/report/writer_factories.hpp"

#include <string>
#include <unordered_map>

namespace veil {

namespace {

constexpr std::string_view k_schema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
    "sarif-schema-2.1.0.json";

class SarifReport : public ReportWriter {
public:
  SarifReport(std::ostream& out, std::string cwd)
      : m_out(out), m_cwd(std::move(cwd)) {}

  void begin(const RunInfo& run) override {
    m_command = run.command;
    nlohmann::ordered_json rules = nlohmann::ordered_json::array();
    for (const RuleInfo& rule : run.rules) {
      // Ids are unique in a catalog; should one repeat, the first wins.
      if (m_rule_index.emplace(rule.id, rules.size()).second) {
        rules.push_back(sarif_rule_json(rule));
      }
    }
    nlohmann::ordered_json driver;
    driver["name"] = "veil";
    driver["version"] = run.version;
    driver["semanticVersion"] = run.version;
    // Rule pack versions are in the json report's tool block; here they
    // would only churn the log each time a built-in pack changes.
    driver["rules"] = std::move(rules);
    nlohmann::ordered_json tool;
    tool["driver"] = std::move(driver);

    m_out << "{\n  \"$schema\": \"" << k_schema
          << "\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
          << "      \"tool\": " << nested_json(tool, 6)
          << ",\n      \"columnKind\": \"unicodeCodePoints\""
          << ",\n      \"results\": [";
  }

  void finding(const Finding& f) override {
    std::optional<size_t> index;
    if (const auto it = m_rule_index.find(f.rule); it != m_rule_index.end()) {
      index = it->second;
    }
    m_out << (m_count == 0 ? "\n        " : ",\n        ")
          << nested_json(sarif_result_json(f, index, m_cwd, m_uses_root), 8);
    ++m_count;
  }

  void end(const Summary& summary) override {
    m_out << (m_count == 0 ? "]" : "\n      ]");
    if (m_uses_root) {
      nlohmann::ordered_json bases;
      bases[std::string(k_sarif_root_base)]["uri"] = "file:///";
      m_out << ",\n      \"originalUriBaseIds\": " << nested_json(bases, 6);
    }
    nlohmann::ordered_json invocation;
    invocation["executionSuccessful"] = summary.errors == 0;
    if (summary.errors > 0) {
      nlohmann::ordered_json note;
      note["level"] = "error";
      note["message"]["text"] =
          std::to_string(summary.errors) + " input line(s) could not be read";
      invocation["toolExecutionNotifications"] = {std::move(note)};
    }
    nlohmann::ordered_json properties;
    properties["command"] = m_command;
    properties["summary"] = summary_json(summary);
    m_out << ",\n      \"invocations\": "
          << nested_json(nlohmann::ordered_json::array({invocation}), 6)
          << ",\n      \"properties\": " << nested_json(properties, 6)
          << "\n    }\n  ]\n}\n";
  }

private:
  std::ostream& m_out;
  std::string m_cwd;
  std::string m_command;
  std::unordered_map<std::string, size_t> m_rule_index;
  bool m_uses_root = false;
  uint64_t m_count = 0;
};

} // namespace

std::unique_ptr<ReportWriter> make_sarif_report(std::ostream& out,
                                                const ReportOptions&) {
  return std::make_unique<SarifReport>(out, current_directory());
}

} // namespace veil
