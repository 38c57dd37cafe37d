#include "policy/policy.hpp"

#include <array>

namespace veil::policy {

namespace {

struct ActionName {
  FieldAction action;
  std::string_view name;
};

constexpr std::array<ActionName, 6> k_actions = {{
    {FieldAction::drop, "drop"},
    {FieldAction::keep, "keep"},
    {FieldAction::scan, "scan"},
    {FieldAction::redact_all, "redact_all"},
    {FieldAction::hash, "hash"},
    {FieldAction::truncate, "truncate"},
}};

bool selects(std::string_view match, std::string_view rule_id,
             std::string_view entity, std::string_view category) {
  return match.empty() || match == rule_id || match == entity ||
         match == category;
}

bool direction_fits(Direction wanted, Direction actual) {
  return wanted == Direction::unknown || wanted == actual;
}

} // namespace

std::optional<FieldAction> parse_field_action(std::string_view name) {
  for (const ActionName& a : k_actions) {
    if (a.name == name) {
      return a.action;
    }
  }
  return std::nullopt;
}

std::string_view to_string(FieldAction action) {
  for (const ActionName& a : k_actions) {
    if (a.action == action) {
      return a.name;
    }
  }
  return "scan";
}

std::string_view to_string(Mode m) {
  return m == Mode::allow ? "allow" : "deny";
}

const FieldRule* Policy::field_rule(std::string_view pointer,
                                    int* depth) const {
  const FieldRule* best = nullptr;
  int best_depth = -1;
  for (const FieldRule& rule : fields) {
    int d = rule.path.match_depth(pointer);
    if (d > best_depth) {
      best = &rule;
      best_depth = d;
    }
  }
  if (depth != nullptr) {
    *depth = best_depth;
  }
  return best;
}

bool Policy::wants_hash() const {
  for (const FieldRule& f : fields) {
    if (f.action == FieldAction::hash || f.style == Style::hash) {
      return true;
    }
  }
  for (const EntityRule& e : entities) {
    if (e.style == Style::hash) {
      return true;
    }
  }
  return false;
}

bool Policy::allows_below(std::string_view pointer) const {
  for (const FieldRule& rule : fields) {
    if (rule.action != FieldAction::drop &&
        rule.path.could_match_below(pointer)) {
      return true;
    }
  }
  return false;
}

std::optional<Style> Policy::style_for(std::string_view rule_id,
                                       std::string_view entity,
                                       std::string_view category,
                                       Direction direction,
                                       std::string_view role) const {
  for (const EntityRule& r : entities) {
    if (selects(r.match, rule_id, entity, category) &&
        direction_fits(r.direction, direction) &&
        (r.role.empty() || r.role == role)) {
      return r.style;
    }
  }
  return std::nullopt;
}

const RecordRule* Policy::reject_rule(std::string_view rule_id,
                                      std::string_view entity,
                                      std::string_view category,
                                      Severity severity,
                                      Direction direction) const {
  for (const RecordRule& r : records) {
    if (selects(r.match, rule_id, entity, category) &&
        severity >= r.min_severity && direction_fits(r.direction, direction)) {
      return &r;
    }
  }
  return nullptr;
}

} // namespace veil::policy
