#include "sinks/report/sarif_fields.hpp"

#include "sinks/report/artifact_path.hpp"
#include "sinks/report/report_text.hpp"

#include <cmath>

namespace veil {

namespace {

// GitHub code scanning ranks security alerts by this score (9.0+ critical,
// 7.0+ high, 4.0+ medium, above 0 low); info findings get none.
std::optional<std::string_view> security_severity(Severity s) {
  switch (s) {
  case Severity::critical:
    return "9.5";
  case Severity::high:
    return "8.0";
  case Severity::medium:
    return "5.5";
  case Severity::low:
    return "2.0";
  case Severity::info:
    break;
  }
  return std::nullopt;
}

std::string help_text(const RuleInfo& rule) {
  std::string text = rule.description.empty() ? rule.id : rule.description;
  text += ". veil reports values of entity " + rule.entity + " (category " +
          rule.category + ", severity " +
          std::string(to_string(rule.severity)) +
          ") and never writes the value itself, only a masked preview and a "
          "keyed fingerprint. ";
  if (rule.category == "secret") {
    text += "A credential in a log is compromised: revoke or rotate it, then "
            "redact the log (veil redact).";
  } else if (rule.category == "pii") {
    text += "Personal data should not be kept in logs: redact it (veil "
            "redact) before the log is stored or shared.";
  } else if (rule.category == "injection") {
    text += "Text that tries to steer a model: review the record and where "
            "the text came from.";
  } else if (rule.category == "input") {
    text += "The line could not be read as expected; it was still scanned.";
  } else {
    text += "Review the value and redact it (veil redact) if it must not be "
            "kept.";
  }
  return text;
}

// SARIF message strings treat "{0}" as a placeholder: literal braces are
// written doubled (SARIF 2.1.0, 3.11.5).
std::string message_string(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    out += c;
    if (c == '{' || c == '}') {
      out += c;
    }
  }
  return out;
}

std::string message_text(const Finding& f) {
  // Appends only: GCC 12 warns falsely (-Wrestrict) on "literal" + string.
  std::string text = f.entity;
  if (!f.preview.empty()) {
    text.append(" ").append(safe_text(f.preview));
  }
  if (!f.path.empty()) {
    text.append(" at ").append(safe_text(f.path));
  }
  if (!f.role.empty() || !f.record_id.empty()) {
    text.append(" (");
    if (!f.role.empty()) {
      text.append("role ").append(safe_text(f.role));
    }
    if (!f.record_id.empty()) {
      text.append(f.role.empty() ? "" : ", ")
          .append("record ")
          .append(safe_text(f.record_id));
    }
    text.append(")");
  }
  if (f.action == "redacted" && !f.replacement.empty()) {
    text.append("; redacted as ").append(safe_text(f.replacement));
  }
  return message_string(text);
}

nlohmann::ordered_json region_json(const Finding& f) {
  nlohmann::ordered_json region;
  region["startLine"] = std::max<uint64_t>(f.line, 1);
  if (f.column > 0) {
    region["startColumn"] = f.column;
    // The match's length in the decoded string: exact on text lines, a
    // little short when the raw JSON spells the value with escapes.
    if (f.end > f.start) {
      region["endColumn"] = f.column + (f.end - f.start);
    }
  }
  return region;
}

} // namespace

std::string_view sarif_level(Severity s) {
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
  return "note";
}

nlohmann::ordered_json sarif_rule_json(const RuleInfo& rule) {
  nlohmann::ordered_json j;
  j["id"] = rule.id;
  const std::string description =
      rule.description.empty() ? rule.entity : rule.description;
  j["shortDescription"]["text"] = description;
  j["fullDescription"]["text"] =
      description + " (" + rule.entity + ", " + rule.category + ")";
  j["defaultConfiguration"]["level"] = sarif_level(rule.severity);
  j["help"]["text"] = help_text(rule);
  nlohmann::ordered_json properties;
  properties["tags"] = {"security", "veil", rule.category};
  properties["entity"] = rule.entity;
  properties["category"] = rule.category;
  properties["severity"] = to_string(rule.severity);
  if (const auto score = security_severity(rule.severity)) {
    properties["security-severity"] = *score;
  }
  j["properties"] = std::move(properties);
  return j;
}

nlohmann::ordered_json sarif_result_json(const Finding& f,
                                         std::optional<size_t> rule_index,
                                         std::string_view cwd,
                                         bool& outside_cwd) {
  nlohmann::ordered_json j;
  j["ruleId"] = f.rule;
  if (rule_index) {
    j["ruleIndex"] = *rule_index;
  }
  j["level"] = sarif_level(f.severity);
  j["message"]["text"] = message_text(f);

  const std::string path = relative_path(f.file, cwd);
  nlohmann::ordered_json artifact;
  artifact["uri"] = path_to_uri(path);
  if (path.front() == '/') {
    artifact["uriBaseId"] = k_sarif_root_base;
    outside_cwd = true;
  }
  nlohmann::ordered_json physical;
  physical["artifactLocation"] = std::move(artifact);
  physical["region"] = region_json(f);
  nlohmann::ordered_json location;
  location["physicalLocation"] = std::move(physical);
  j["locations"] = nlohmann::ordered_json::array({std::move(location)});

  if (!f.fingerprint.empty()) {
    j["partialFingerprints"]["veil/v1"] = f.fingerprint;
  }
  nlohmann::ordered_json properties;
  properties["entity"] = f.entity;
  properties["category"] = f.category;
  properties["severity"] = to_string(f.severity);
  properties["confidence"] = std::round(f.confidence * 100) / 100;
  if (!f.record_id.empty()) {
    properties["record_id"] = f.record_id;
  }
  properties["path"] = f.path;
  if (!f.role.empty()) {
    properties["role"] = f.role;
  }
  properties["preview"] = f.preview;
  properties["action"] = f.action;
  if (!f.replacement.empty()) {
    properties["replacement"] = f.replacement;
  }
  if (!f.signals.empty()) {
    properties["signals"] = f.signals;
  }
  j["properties"] = std::move(properties);
  return j;
}

} // namespace veil
