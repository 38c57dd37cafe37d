// Reads the keys of one TOML table, throwing RuleError in the rule-pack
// format "FILE:LINE:COL: WHO: KEY: what is wrong" (WHO is "pack", "rule
// pii.email" or "rule #3"). reject_unknown_keys() names a typo such as "regx"
// before "missing regex" can hide it. Used only by toml_loader.cpp, so that
// toml++ types stay out of the other headers.
#pragma once

#include "core/location.hpp"

#include <toml++/toml.h>

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace veil::rules {

class TableReader {
public:
  // key_prefix names nested tables in messages: "context." gives
  // "context.window: expected an integer".
  TableReader(const toml::table& table, const std::string& file,
              std::string who, std::string key_prefix = "");

  // Once a rule's id is read, later messages say "rule ID" not "rule #N".
  void set_who(std::string who) { m_who = std::move(who); }

  // Typed getters: nullopt when the key is absent, RuleError when the value
  // has another type. number() takes integers too (entropy = 3).
  std::optional<std::string> string(std::string_view key) const;
  std::optional<int64_t> integer(std::string_view key) const;
  std::optional<double> number(std::string_view key) const;
  std::optional<bool> boolean(std::string_view key) const;
  // items = non_empty rejects "" (a keyword or word that matches anything).
  enum class Items { any, non_empty };
  std::optional<std::vector<std::string>>
  string_list(std::string_view key, Items items = Items::any) const;
  // A reader for a sub-table (inline or [rules.examples]), or nullopt.
  std::optional<TableReader> table(std::string_view key) const;

  bool has(std::string_view key) const;
  // At the key's value: "KEY: what".
  [[noreturn]] void fail(std::string_view key, std::string_view what) const;
  // At the key's value: "KEY: expected EXPECTED, got VALUE".
  [[noreturn]] void fail_got(std::string_view key,
                             std::string_view expected) const;
  // At the table itself: "missing KEY".
  [[noreturn]] void fail_missing(std::string_view key) const;
  // At the first key not in known: "KEY: unknown key".
  void reject_unknown_keys(std::span<const std::string_view> known) const;

  SourceLocation location() const { return location_of(m_table); }
  // Every key present, nested ones as "context.window", so that later
  // stages can point at the key they complain about.
  void collect_positions(std::map<std::string, TextPosition>& out) const;

private:
  const toml::node& node(std::string_view key) const;
  const toml::node* find(std::string_view key) const;
  SourceLocation location_of(const toml::node& node) const;
  [[noreturn]] void fail_at(const toml::node& node,
                            std::string_view what) const;
  [[noreturn]] void fail_type(std::string_view key, const toml::node& node,
                              std::string_view expected) const;

  const toml::table& m_table;
  const std::string& m_file;
  std::string m_who;
  std::string m_key_prefix;
};

// "a string", "an integer", ...: the type of a node as messages name it.
std::string_view type_name(const toml::node& node);

// Throws RuleError "FILE:LINE:COL: WHO: what" at node (WHO may be empty).
[[noreturn]] void throw_at(const std::string& file, const toml::node& node,
                           std::string_view who, std::string_view what);

} // namespace veil::rules
