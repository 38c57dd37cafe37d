#include "rules/toml_loader.hpp"

#include "core/errors.hpp"
#include "rules/table_reader.hpp"
#include "scanner/validators.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <limits>
#include <map>

namespace veil {

namespace {

using rules::TableReader;
using Items = TableReader::Items;

// The keys each table may hold; anything else is a typo. Rule keys are in
// the order our own packs write them.
// clang-format off
constexpr std::array<std::string_view, 2> k_root_keys = {"pack", "rules"};
constexpr std::array<std::string_view, 3> k_pack_keys = {
    "name", "version", "description"};
constexpr std::array<std::string_view, 18> k_rule_keys = {
    "id", "description", "entity", "category", "severity", "regex", "group",
    "keywords", "validator", "validator_mode", "entropy", "context", "allow",
    "direction", "style", "confidence", "pairs_with", "examples"};
constexpr std::array<std::string_view, 6> k_context_keys = {
    "words", "window", "required", "boost", "where", "not_keys"};
constexpr std::array<std::string_view, 2> k_context_wheres = {
    "near", "key"};
constexpr std::array<std::string_view, 2> k_example_keys = {
    "match", "no_match"};

constexpr std::array<std::string_view, 5> k_categories = {
    "pii", "secret", "injection", "output", "custom"};
constexpr std::array<std::string_view, 3> k_directions = {
    "any", "input", "output"};
constexpr std::array<std::string_view, 7> k_styles = {
    "label", "mask", "partial", "hash", "remove", "encrypt", "none"};
constexpr std::array<std::string_view, 2> k_validator_modes = {
    "require", "score"};
constexpr std::array<std::string_view, 5> k_severities = {
    "info", "low", "medium", "high", "critical"};
// clang-format on

// Bits per byte cannot exceed 8, so a higher threshold never matches.
constexpr double k_max_entropy = 8.0;
constexpr int64_t k_max_int = std::numeric_limits<int>::max();

template <typename Names>
std::string one_of(const Names& names) {
  std::string out = "one of ";
  for (size_t i = 0; i < names.size(); ++i) {
    out += (i == 0 ? "" : ", ") + std::string(names[i]);
  }
  return out;
}

// Dotted segments of [a-z0-9_-]: "pii.email", "secret.github_pat".
bool is_valid_id(std::string_view id) {
  bool segment_empty = true;
  for (char c : id) {
    if (c == '.') {
      if (segment_empty) {
        return false;
      }
      segment_empty = true;
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
               c == '-') {
      segment_empty = false;
    } else {
      return false;
    }
  }
  return !segment_empty;
}

bool is_valid_entity(std::string_view entity) {
  if (entity.empty()) {
    return false;
  }
  for (char c : entity) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
      return false;
    }
  }
  return true;
}

// ASCII only: keywords are matched case-insensitively byte by byte, and
// non-ASCII bytes (full-width bars, tag characters) must stay as written.
std::vector<std::string> lowercase(std::vector<std::string> words) {
  for (std::string& word : words) {
    for (char& c : word) {
      if (c >= 'A' && c <= 'Z') {
        c = static_cast<char>(c - 'A' + 'a');
      }
    }
  }
  return words;
}

std::string require_string(const TableReader& r, std::string_view key) {
  std::optional<std::string> value = r.string(key);
  if (!value) {
    r.fail_missing(key);
  }
  if (value->empty()) {
    r.fail(key, "expected a non-empty string");
  }
  return *value;
}

// An enumerated key: absent gives fallback ("" means required).
template <typename Names>
std::string read_choice(const TableReader& r, std::string_view key,
                        const Names& names, std::string_view fallback = "") {
  std::optional<std::string> value = r.string(key);
  if (!value && fallback.empty()) {
    r.fail_missing(key);
  }
  if (!value) {
    return std::string(fallback);
  }
  if (std::find(names.begin(), names.end(), *value) == names.end()) {
    r.fail_got(key, one_of(names));
  }
  return *value;
}

void read_identity(const TableReader& r, RuleSpec& spec) {
  spec.id = require_string(r, "id");
  if (!is_valid_id(spec.id)) {
    r.fail_got("id", "dotted lowercase [a-z0-9_.-] such as \"pii.email\"");
  }
  spec.description = require_string(r, "description");
  spec.entity = require_string(r, "entity");
  if (!is_valid_entity(spec.entity)) {
    r.fail_got("entity", "uppercase [A-Z0-9_] such as \"EMAIL_ADDRESS\"");
  }
  spec.category = read_choice(r, "category", k_categories);
  spec.severity = *parse_severity(read_choice(r, "severity", k_severities));
  spec.regex = require_string(r, "regex");
}

void read_filters(const TableReader& r, RuleSpec& spec) {
  if (std::optional<int64_t> group = r.integer("group")) {
    if (*group < 0 || *group > k_max_int) {
      r.fail_got("group", "an integer >= 0");
    }
    spec.group = static_cast<int>(*group);
  }
  if (auto keywords = r.string_list("keywords", Items::non_empty)) {
    if (keywords->empty()) {
      // An empty list would look like a prefilter but run everywhere.
      r.fail("keywords", "expected at least one keyword (leave the key out "
                         "to run the rule on every text)");
    }
    spec.keywords = lowercase(std::move(*keywords));
  }
  if (std::optional<std::string> validator = r.string("validator")) {
    if (find_validator(*validator) == nullptr) {
      r.fail_got("validator", one_of(validator_names()));
    }
    spec.validator = *validator;
  }
  if (r.has("validator_mode")) {
    if (spec.validator.empty()) {
      r.fail("validator_mode", "needs a validator");
    }
    spec.validator_mode = read_choice(r, "validator_mode", k_validator_modes);
  }
  if (std::optional<double> entropy = r.number("entropy")) {
    // Negated so that nan fails too.
    if (!(*entropy >= 0 && *entropy <= k_max_entropy)) {
      r.fail_got("entropy", "a number from 0 to 8 (bits per byte)");
    }
    spec.entropy = *entropy;
  }
  if (auto allow = r.string_list("allow", Items::non_empty)) {
    spec.allow = std::move(*allow);
  }
}

void read_context(const TableReader& r, RuleSpec& spec) {
  std::optional<TableReader> context = r.table("context");
  if (!context) {
    return;
  }
  context->reject_unknown_keys(k_context_keys);
  auto words = context->string_list("words", Items::non_empty);
  if (!words) {
    context->fail_missing("words");
  }
  if (words->empty()) {
    context->fail("words", "expected at least one word");
  }
  spec.context.words = lowercase(std::move(*words));
  if (std::optional<int64_t> window = context->integer("window")) {
    if (*window < 0 || *window > k_max_int) {
      context->fail_got("window", "an integer >= 0 (bytes)");
    }
    spec.context.window = static_cast<int>(*window);
  }
  spec.context.required = context->boolean("required").value_or(false);
  if (std::optional<double> boost = context->number("boost")) {
    if (!(*boost >= 0 && *boost <= 1)) {
      context->fail_got("boost", "a number from 0 to 1");
    }
    spec.context.boost = *boost;
  }
  spec.context.where = read_choice(*context, "where", k_context_wheres, "near");
  if (auto not_keys = context->string_list("not_keys", Items::non_empty)) {
    spec.context.not_keys = lowercase(std::move(*not_keys));
  }
}

void read_output(const TableReader& r, RuleSpec& spec) {
  spec.direction = read_choice(r, "direction", k_directions, "any");
  if (r.has("style")) {
    spec.style = read_choice(r, "style", k_styles);
  }
  if (std::optional<double> confidence = r.number("confidence")) {
    if (!(*confidence > 0 && *confidence <= 1)) {
      r.fail_got("confidence", "a number greater than 0 and at most 1");
    }
    spec.confidence = *confidence;
  }
  if (auto pairs = r.string_list("pairs_with", Items::non_empty)) {
    spec.pairs_with = std::move(*pairs);
  }
}

void read_examples(const TableReader& r, RuleSpec& spec,
                   const LoadOptions& options) {
  std::optional<TableReader> examples = r.table("examples");
  if (!examples) {
    if (options.require_examples) {
      r.fail_missing("examples");
    }
    return;
  }
  examples->reject_unknown_keys(k_example_keys);
  spec.examples_match =
      examples->string_list("match").value_or(std::vector<std::string>{});
  spec.examples_no_match =
      examples->string_list("no_match").value_or(std::vector<std::string>{});
  if (options.require_examples && spec.examples_match.empty()) {
    if (!examples->has("match")) {
      examples->fail_missing("match");
    }
    examples->fail("match", "expected at least one example");
  }
}

RuleSpec read_rule(const toml::table& table, const std::string& file,
                   size_t number, const LoadOptions& options) {
  TableReader r(table, file, "rule #" + std::to_string(number));
  // Name the rule in messages as soon as possible, and report a misspelt key
  // before the "missing" error it would otherwise cause.
  if (std::optional<std::string> id = r.string("id"); id && is_valid_id(*id)) {
    r.set_who("rule " + *id);
  }
  r.reject_unknown_keys(k_rule_keys);

  RuleSpec spec;
  read_identity(r, spec);
  read_filters(r, spec);
  read_context(r, spec);
  read_output(r, spec);
  read_examples(r, spec, options);
  spec.location = r.location();
  r.collect_positions(spec.key_positions);
  return spec;
}

void read_pack_header(const TableReader& root, PackSpec& pack) {
  std::optional<TableReader> header = root.table("pack");
  if (!header) {
    root.fail_missing("[pack] table");
  }
  header->reject_unknown_keys(k_pack_keys);
  pack.name = require_string(*header, "name");
  pack.version = require_string(*header, "version");
  pack.description = header->string("description").value_or("");
}

void read_rules(const toml::table& root, PackSpec& pack,
                const LoadOptions& options) {
  const toml::node* rules = root.get("rules");
  if (rules == nullptr) {
    return;
  }
  if (!rules->is_array()) {
    rules::throw_at(pack.source, *rules, "",
                    "rules: expected [[rules]] tables, got " +
                        std::string(rules::type_name(*rules)));
  }
  std::map<std::string, uint64_t> first_line; // id -> line of its id key
  size_t number = 0;
  pack.rules.reserve(rules->as_array()->size()); // specs are large to move
  for (const toml::node& node : *rules->as_array()) {
    ++number;
    if (!node.is_table()) {
      rules::throw_at(pack.source, node, "rule #" + std::to_string(number),
                      "expected a table, got " +
                          std::string(rules::type_name(node)));
    }
    RuleSpec spec = read_rule(*node.as_table(), pack.source, number, options);
    SourceLocation id_at = spec.where("id");
    auto [it, inserted] = first_line.emplace(spec.id, id_at.line);
    if (!inserted) {
      throw RuleError(id_at.format() + ": rule " + spec.id +
                      ": duplicate id, first defined at line " +
                      std::to_string(it->second));
    }
    spec.pack = pack.name;
    pack.rules.push_back(std::move(spec));
  }
}

} // namespace

PackSpec load_pack(std::string_view toml_text, const std::string& display_name,
                   const LoadOptions& options) {
  toml::table root;
  try {
    root = toml::parse(toml_text, std::string_view(display_name));
  } catch (const toml::parse_error& e) {
    const SourceLocation where{display_name, e.source().begin.line,
                               e.source().begin.column};
    throw RuleError(where.format() + ": " + std::string(e.description()));
  }
  PackSpec pack;
  pack.source = display_name;
  TableReader reader(root, pack.source, "");
  reader.reject_unknown_keys(k_root_keys);
  read_pack_header(reader, pack);
  read_rules(root, pack, options);
  return pack;
}

} // namespace veil
