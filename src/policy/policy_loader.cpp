#include "policy/policy_loader.hpp"

#include "core/errors.hpp"
#include "reader/chat_shapes.hpp"
#include "rules/table_reader.hpp"

#include <array>
#include <fstream>
#include <sstream>

namespace veil::policy {

using rules::TableReader;

namespace {

// clang-format off
constexpr std::array<std::string_view, 5> k_policy_keys = {
    "mode", "segment_by", "fields", "entities", "records"};
constexpr std::array<std::string_view, 6> k_field_keys = {
    "path", "action", "truncate", "marker", "style", "entity"};
constexpr std::array<std::string_view, 4> k_entity_keys = {
    "match", "style", "direction", "role"};
constexpr std::array<std::string_view, 5> k_record_keys = {
    "match", "min_severity", "direction", "reason", "action"};
// clang-format on

toml::table parse(std::string_view text, const std::string& name) {
  try {
    return toml::parse(text, std::string_view(name));
  } catch (const toml::parse_error& e) {
    SourceLocation where{name, e.source().begin.line, e.source().begin.column};
    throw RuleError(where.format() + ": " + std::string(e.description()));
  }
}

// The tables of an array of tables such as [[policy.fields]].
std::vector<const toml::table*> tables_of(const toml::table& policy,
                                          std::string_view key,
                                          const std::string& name) {
  std::vector<const toml::table*> out;
  const toml::node* n = policy.get(key);
  if (n == nullptr) {
    return out;
  }
  const toml::array* array = n->as_array();
  if (array == nullptr) {
    rules::throw_at(name, *n, "policy",
                    std::string(key) + ": expected an array of tables " +
                        "([[policy." + std::string(key) + "]]), got " +
                        std::string(rules::type_name(*n)));
  }
  for (const toml::node& item : *array) {
    if (!item.is_table()) {
      rules::throw_at(name, item, "policy",
                      std::string(key) + ": expected a table, got " +
                          std::string(rules::type_name(item)));
    }
    out.push_back(item.as_table());
  }
  return out;
}

Style read_style(const TableReader& r, std::string_view key) {
  std::optional<std::string> name = r.string(key);
  std::optional<Style> style = name ? parse_style(*name) : std::nullopt;
  if (!style) {
    r.fail_got(key, "label, mask, partial, hash, remove or none");
  }
  return *style;
}

Direction read_direction(const TableReader& r) {
  std::optional<std::string> d = r.string("direction");
  if (!d) {
    return Direction::unknown;
  }
  if (*d != "input" && *d != "output") {
    r.fail_got("direction", "input or output");
  }
  return *d == "input" ? Direction::input : Direction::output;
}

PointerGlob read_path(const TableReader& r) {
  std::optional<std::string> path = r.string("path");
  if (!path) {
    r.fail_missing("path");
  }
  try {
    return PointerGlob(*path);
  } catch (const UsageError&) {
    r.fail_got("path", "a JSON Pointer starting with / or **/");
  }
}

FieldRule read_field(const TableReader& r) {
  r.reject_unknown_keys(k_field_keys);
  FieldRule rule;
  rule.where = r.location();
  rule.path = read_path(r);
  std::optional<std::string> action = r.string("action");
  std::optional<int64_t> truncate = r.integer("truncate");
  if (action) {
    std::optional<FieldAction> a = parse_field_action(*action);
    if (!a) {
      r.fail_got("action", "drop, keep, scan, redact_all, hash or truncate");
    }
    rule.action = *a;
  } else if (truncate) {
    rule.action = FieldAction::truncate; // `truncate = N` alone is enough
  } else {
    r.fail_missing("action");
  }
  if (rule.action == FieldAction::truncate) {
    if (!truncate || *truncate < 1) {
      truncate ? r.fail_got("truncate", "a number of bytes >= 1")
               : r.fail_missing("truncate");
    }
    rule.truncate = static_cast<size_t>(*truncate);
  } else if (truncate) {
    r.fail("truncate", "only for action = \"truncate\"");
  }
  if (std::optional<std::string> marker = r.string("marker")) {
    rule.marker = *marker;
  }
  if (r.has("style")) {
    rule.style = read_style(r, "style");
  }
  if (std::optional<std::string> entity = r.string("entity")) {
    if (entity->empty()) {
      r.fail_got("entity", "a non-empty name");
    }
    rule.entity = *entity;
  }
  return rule;
}

EntityRule read_entity(const TableReader& r) {
  r.reject_unknown_keys(k_entity_keys);
  EntityRule rule;
  rule.where = r.location();
  std::optional<std::string> match = r.string("match");
  if (!match || match->empty()) {
    match ? r.fail_got("match", "a category, entity or rule id")
          : r.fail_missing("match");
  }
  rule.match = *match;
  if (!r.has("style")) {
    r.fail_missing("style");
  }
  rule.style = read_style(r, "style");
  rule.direction = read_direction(r);
  rule.role = r.string("role").value_or("");
  return rule;
}

RecordRule read_record(const TableReader& r) {
  r.reject_unknown_keys(k_record_keys);
  RecordRule rule;
  rule.where = r.location();
  if (std::optional<std::string> action = r.string("action")) {
    if (*action != "reject") {
      r.fail_got("action", "reject");
    }
  }
  rule.match = r.string("match").value_or("");
  std::optional<std::string> severity = r.string("min_severity");
  if (severity) {
    std::optional<Severity> s = parse_severity(*severity);
    if (!s) {
      r.fail_got("min_severity", "info, low, medium, high or critical");
    }
    rule.min_severity = *s;
  }
  if (rule.match.empty() && !severity) {
    r.fail_missing("match or min_severity");
  }
  rule.direction = read_direction(r);
  rule.reason = r.string("reason").value_or("");
  return rule;
}

template <typename Rule, typename Read>
std::vector<Rule> read_all(const toml::table& table, std::string_view key,
                           const std::string& name, std::string_view who,
                           Read read) {
  std::vector<Rule> out;
  for (const toml::table* t : tables_of(table, key, name)) {
    std::string label =
        std::string(who) + " #" + std::to_string(out.size() + 1);
    out.push_back(read(TableReader(*t, name, label)));
  }
  return out;
}

template <typename Rule>
void put_first(std::vector<Rule>& into, std::vector<Rule> first) {
  first.insert(first.end(), into.begin(), into.end());
  into = std::move(first);
}

} // namespace

void merge_policy_text(std::string_view text, const std::string& name,
                       Policy& into, bool require_table) {
  toml::table root = parse(text, name);
  const toml::node* node = root.get("policy");
  if (node == nullptr) {
    if (require_table) {
      throw RuleError(SourceLocation{name, 1, 1}.format() +
                      ": policy: missing [policy] table");
    }
    return;
  }
  if (!node->is_table()) {
    rules::throw_at(name, *node, "policy",
                    "expected a table, got " +
                        std::string(rules::type_name(*node)));
  }
  const toml::table& table = *node->as_table();
  TableReader r(table, name, "policy");
  r.reject_unknown_keys(k_policy_keys);
  if (std::optional<std::string> mode = r.string("mode")) {
    if (*mode != "deny" && *mode != "allow") {
      r.fail_got("mode", "deny or allow");
    }
    into.mode = *mode == "allow" ? Mode::allow : Mode::deny;
  }
  if (std::optional<std::string> segment = r.string("segment_by")) {
    if (!segment->empty() && segment->front() != '/') {
      r.fail_got("segment_by", "a JSON Pointer starting with /");
    }
    into.segment_by = *segment;
  }
  put_first(into.fields, read_all<FieldRule>(table, "fields", name,
                                             "policy field", read_field));
  put_first(into.entities, read_all<EntityRule>(table, "entities", name,
                                                "policy entity", read_entity));
  put_first(into.records, read_all<RecordRule>(table, "records", name,
                                               "policy record", read_record));
  into.sources.push_back(name);
}

void merge_policy_file(const std::string& path, Policy& into) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw UsageError(path + ": cannot read policy file");
  }
  std::stringstream text;
  text << in.rdbuf();
  merge_policy_text(text.str(), path, into, true);
}

} // namespace veil::policy
