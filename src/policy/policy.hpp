// The policy: what a team has decided may leave or be kept at all. Field
// rules act on JSON Pointer globs (drop, keep, scan, redact_all, hash,
// truncate); entity rules pick the style of findings by category, entity or
// rule id, optionally per direction and role; record rules send whole
// records to --rejects. mode = "allow" keeps only the listed fields and drops
// the rest (fail-closed). Built by policy_loader.cpp, read-only afterwards
// and shared by every worker.
#pragma once

#include "actions/style.hpp"
#include "core/location.hpp"
#include "core/record.hpp"
#include "core/severity.hpp"
#include "policy/pointer_glob.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace veil::policy {

enum class Mode { deny, allow };
enum class FieldAction { drop, keep, scan, redact_all, hash, truncate };

std::optional<FieldAction> parse_field_action(std::string_view name);
std::string_view to_string(FieldAction a);
std::string_view to_string(Mode m);

constexpr std::string_view k_default_marker = "…[truncated]";

struct FieldRule {
  PointerGlob path{""};
  FieldAction action = FieldAction::scan;
  size_t truncate = 0;                  // truncate: max bytes kept
  std::string marker{k_default_marker}; // truncate: appended when cut
  std::optional<Style> style;           // redact_all: default label
  std::string entity = "REDACTED";      // redact_all, hash: label name
  SourceLocation where;
};

struct EntityRule {
  std::string match; // category, entity or rule id
  Style style = Style::label;
  Direction direction = Direction::unknown; // unknown: any
  std::string role;                         // "": any
  SourceLocation where;
};

// A record with a finding that matches is not written to the output but to
// --rejects. match "" means any rule; min_severity applies in both cases.
struct RecordRule {
  std::string match;
  Severity min_severity = Severity::info;
  Direction direction = Direction::unknown;
  std::string reason; // shown by `policy test` and in the rejects count
  SourceLocation where;
};

struct Policy {
  Mode mode = Mode::deny;
  std::vector<FieldRule> fields;
  std::vector<EntityRule> entities;
  std::vector<RecordRule> records;
  std::string segment_by;           // "" = none (--segment-by overrides)
  std::vector<std::string> sources; // files merged, in order

  bool empty() const {
    return mode == Mode::deny && fields.empty() && entities.empty() &&
           records.empty();
  }
  // True when records need the structural pass (drops, allow mode).
  bool has_field_rules() const {
    return mode == Mode::allow || !fields.empty();
  }
  // True when a rule asks for the hash style, which needs a key.
  bool wants_hash() const;

  // The field rule naming the deepest node at or above pointer, the first
  // listed on a tie; nullptr when none does. depth: segments it names.
  const FieldRule* field_rule(std::string_view pointer,
                              int* depth = nullptr) const;
  // True when some non-drop rule could name a node below pointer.
  bool allows_below(std::string_view pointer) const;
  // The style of the first entity rule that fits, if any.
  std::optional<Style> style_for(std::string_view rule_id,
                                 std::string_view entity,
                                 std::string_view category, Direction direction,
                                 std::string_view role) const;
  // The first record rule a finding triggers, or nullptr.
  const RecordRule* reject_rule(std::string_view rule_id,
                                std::string_view entity,
                                std::string_view category, Severity severity,
                                Direction direction) const;
};

} // namespace veil::policy
