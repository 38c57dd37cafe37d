#include "policy/policy_print.hpp"

#include <nlohmann/json.hpp>

namespace veil::policy {

namespace {

using Json = nlohmann::ordered_json;

std::string_view direction_name(Direction d) {
  return d == Direction::unknown ? "" : to_string(d);
}

// A TOML basic string: JSON's escaping is valid TOML for these values.
std::string quoted(std::string_view s) {
  return Json(s).dump();
}

Json field_json(const FieldRule& f) {
  Json j{{"path", f.path.text()}, {"action", to_string(f.action)}};
  if (f.action == FieldAction::truncate) {
    j["truncate"] = f.truncate;
    j["marker"] = f.marker;
  }
  if (f.action == FieldAction::redact_all) {
    j["style"] = to_string(f.style.value_or(Style::label));
  }
  if (f.action == FieldAction::redact_all || f.action == FieldAction::hash) {
    j["entity"] = f.entity;
  }
  return j;
}

Json entity_json(const EntityRule& e) {
  Json j{{"match", e.match}, {"style", to_string(e.style)}};
  if (e.direction != Direction::unknown) {
    j["direction"] = direction_name(e.direction);
  }
  if (!e.role.empty()) {
    j["role"] = e.role;
  }
  return j;
}

Json record_json(const RecordRule& r) {
  Json j{{"action", "reject"}};
  if (!r.match.empty()) {
    j["match"] = r.match;
  }
  j["min_severity"] = to_string(r.min_severity);
  if (r.direction != Direction::unknown) {
    j["direction"] = direction_name(r.direction);
  }
  if (!r.reason.empty()) {
    j["reason"] = r.reason;
  }
  return j;
}

Json policy_json(const Policy& p) {
  Json j{{"mode", to_string(p.mode)}, {"segment_by", p.segment_by}};
  j["fields"] = Json::array();
  for (const FieldRule& f : p.fields) {
    j["fields"].push_back(field_json(f));
  }
  j["entities"] = Json::array();
  for (const EntityRule& e : p.entities) {
    j["entities"].push_back(entity_json(e));
  }
  j["records"] = Json::array();
  for (const RecordRule& r : p.records) {
    j["records"].push_back(record_json(r));
  }
  return j;
}

void print_table(std::ostream& out, std::string_view name, const Json& t) {
  out << "\n[[policy." << name << "]]\n";
  for (const auto& [key, value] : t.items()) {
    out << key << " = " << value.dump() << '\n';
  }
}

} // namespace

void print_json(std::ostream& out, const Policy& p) {
  Json j = policy_json(p);
  j["sources"] = p.sources;
  out << j.dump(2) << '\n';
}

void print_toml(std::ostream& out, const Policy& p) {
  out << "# effective policy, merged from: ";
  if (p.sources.empty()) {
    out << "(defaults only)";
  }
  for (size_t i = 0; i < p.sources.size(); ++i) {
    out << (i > 0 ? ", " : "") << p.sources[i];
  }
  out << "\n# findings no entity rule names keep their rule's style "
         "(--style, else the rule's, else label)\n";
  out << "[policy]\nmode = " << quoted(to_string(p.mode)) << '\n';
  if (!p.segment_by.empty()) {
    out << "segment_by = " << quoted(p.segment_by) << '\n';
  }
  Json j = policy_json(p);
  for (const char* list : {"fields", "entities", "records"}) {
    for (const Json& t : j[list]) {
      print_table(out, list, t);
    }
  }
}

} // namespace veil::policy
