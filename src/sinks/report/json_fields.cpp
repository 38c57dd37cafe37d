#include "sinks/report/json_fields.hpp"

#include <cmath>

namespace veil {

namespace {

// Confidence is a score, not a measurement: two decimals are all it means,
// and they keep reports short and stable across platforms.
double round_to(double value, double scale) {
  return std::round(value * scale) / scale;
}

nlohmann::ordered_json counts_json(const std::map<std::string, uint64_t>& m) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const auto& [key, count] : m) {
    j[key] = count;
  }
  return j;
}

// Severities read best from the worst down, not alphabetically. Names that
// are not severities (only a merged foreign report could hold them) follow.
nlohmann::ordered_json severity_json(const std::map<std::string, uint64_t>& m) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (int s = static_cast<int>(Severity::critical);
       s >= static_cast<int>(Severity::info); --s) {
    const std::string name(to_string(static_cast<Severity>(s)));
    if (const auto it = m.find(name); it != m.end()) {
      j[name] = it->second;
    }
  }
  for (const auto& [name, count] : m) {
    if (!parse_severity(name)) {
      j[name] = count;
    }
  }
  return j;
}

} // namespace

double round_confidence(double confidence) {
  return round_to(confidence, 100);
}

nlohmann::ordered_json summary_json(const Summary& s) {
  nlohmann::ordered_json j;
  j["files"] = s.files;
  j["records"] = s.records;
  j["bytes"] = s.bytes;
  j["findings"] = s.findings;
  j["redacted"] = s.redacted;
  j["errors"] = s.errors;
  if (s.suppressed > 0) {
    j["suppressed"] = s.suppressed; // only with ignores, so older goldens hold
  }
  j["elapsed_seconds"] = round_to(s.elapsed_seconds, 1000);
  j["by_rule"] = counts_json(s.by_rule);
  j["by_severity"] = severity_json(s.by_severity);
  j["by_entity"] = counts_json(s.by_entity);
  j["by_field"] = counts_json(s.by_field);
  return j;
}

nlohmann::ordered_json tool_json(const RunInfo& run) {
  nlohmann::ordered_json packs = nlohmann::ordered_json::array();
  for (const PackInfo& pack : run.packs) {
    nlohmann::ordered_json p;
    p["name"] = pack.name;
    p["version"] = pack.version;
    p["rules"] = pack.rules;
    packs.push_back(std::move(p));
  }
  nlohmann::ordered_json j;
  j["name"] = "veil";
  j["version"] = run.version;
  j["packs"] = std::move(packs);
  return j;
}

std::string dump_json(const nlohmann::ordered_json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace veil
