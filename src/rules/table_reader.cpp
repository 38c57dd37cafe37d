#include "rules/table_reader.hpp"

#include "core/errors.hpp"

#include <algorithm>
#include <sstream>

namespace veil::rules {

namespace {

// The value as it would be written back in the file, so that a message can
// say `got "hgih"`; values with no short form are named by their type.
std::string describe(const toml::node& node) {
  std::ostringstream out;
  if (const auto* s = node.as_string()) {
    out << '"';
    for (char c : s->get()) {
      if (c == '"' || c == '\\') {
        out << '\\' << c;
      } else if (static_cast<unsigned char>(c) < 0x20) {
        out << "\\x" << std::hex << static_cast<int>(c) << std::dec;
      } else {
        out << c;
      }
    }
    out << '"';
  } else if (const auto* i = node.as_integer()) {
    out << i->get();
  } else if (const auto* f = node.as_floating_point()) {
    out << f->get();
  } else if (const auto* b = node.as_boolean()) {
    out << (b->get() ? "true" : "false");
  } else {
    out << type_name(node);
  }
  return out.str();
}

} // namespace

std::string_view type_name(const toml::node& node) {
  switch (node.type()) {
  case toml::node_type::string:
    return "a string";
  case toml::node_type::integer:
    return "an integer";
  case toml::node_type::floating_point:
    return "a float";
  case toml::node_type::boolean:
    return "a boolean";
  case toml::node_type::date:
    return "a date";
  case toml::node_type::time:
    return "a time";
  case toml::node_type::date_time:
    return "a date-time";
  case toml::node_type::array:
    return "an array";
  case toml::node_type::table:
    return "a table";
  case toml::node_type::none:
    break;
  }
  return "nothing";
}

void throw_at(const std::string& file, const toml::node& node,
              std::string_view who, std::string_view what) {
  const SourceLocation where{file, node.source().begin.line,
                             node.source().begin.column};
  std::string message = where.format() + ": ";
  if (!who.empty()) {
    message += std::string(who) + ": ";
  }
  throw RuleError(message + std::string(what));
}

TableReader::TableReader(const toml::table& table, const std::string& file,
                         std::string who, std::string key_prefix)
    : m_table(table), m_file(file), m_who(std::move(who)),
      m_key_prefix(std::move(key_prefix)) {}

std::optional<std::string> TableReader::string(std::string_view key) const {
  const toml::node* n = find(key);
  if (n == nullptr) {
    return std::nullopt;
  }
  if (!n->is_string()) {
    fail_type(key, *n, "a string");
  }
  return n->as_string()->get();
}

std::optional<int64_t> TableReader::integer(std::string_view key) const {
  const toml::node* n = find(key);
  if (n == nullptr) {
    return std::nullopt;
  }
  if (!n->is_integer()) {
    fail_type(key, *n, "an integer");
  }
  return n->as_integer()->get();
}

std::optional<double> TableReader::number(std::string_view key) const {
  const toml::node* n = find(key);
  if (n == nullptr) {
    return std::nullopt;
  }
  if (n->is_integer()) {
    return static_cast<double>(n->as_integer()->get());
  }
  if (!n->is_floating_point()) {
    fail_type(key, *n, "a number");
  }
  return n->as_floating_point()->get();
}

std::optional<bool> TableReader::boolean(std::string_view key) const {
  const toml::node* n = find(key);
  if (n == nullptr) {
    return std::nullopt;
  }
  if (!n->is_boolean()) {
    fail_type(key, *n, "a boolean");
  }
  return n->as_boolean()->get();
}

std::optional<std::vector<std::string>>
TableReader::string_list(std::string_view key, Items items) const {
  const toml::node* n = find(key);
  if (n == nullptr) {
    return std::nullopt;
  }
  if (!n->is_array()) {
    fail_type(key, *n, "an array of strings");
  }
  std::vector<std::string> values;
  const toml::array& array = *n->as_array();
  for (size_t i = 0; i < array.size(); ++i) {
    const std::string item_key =
        std::string(key) + '[' + std::to_string(i) + ']';
    if (!array[i].is_string()) {
      fail_type(item_key, array[i], "a string");
    }
    const std::string& value = array[i].as_string()->get();
    if (items == Items::non_empty && value.empty()) {
      fail_at(array[i],
              m_key_prefix + item_key + ": expected a non-empty string");
    }
    values.push_back(value);
  }
  return values;
}

std::optional<TableReader> TableReader::table(std::string_view key) const {
  const toml::node* n = find(key);
  if (n == nullptr) {
    return std::nullopt;
  }
  if (!n->is_table()) {
    fail_type(key, *n, "a table");
  }
  return TableReader(*n->as_table(), m_file, m_who,
                     m_key_prefix + std::string(key) + '.');
}

bool TableReader::has(std::string_view key) const {
  return m_table.contains(key);
}

void TableReader::fail(std::string_view key, std::string_view what) const {
  fail_at(node(key),
          m_key_prefix + std::string(key) + ": " + std::string(what));
}

void TableReader::fail_got(std::string_view key,
                           std::string_view expected) const {
  fail(key,
       "expected " + std::string(expected) + ", got " + describe(node(key)));
}

void TableReader::fail_missing(std::string_view key) const {
  fail_at(m_table, "missing " + m_key_prefix + std::string(key));
}

void TableReader::reject_unknown_keys(
    std::span<const std::string_view> known) const {
  for (auto&& [key, value] : m_table) {
    if (std::find(known.begin(), known.end(), key.str()) == known.end()) {
      // At the key, not its value: the key is what is misspelt.
      const SourceLocation where{m_file, key.source().begin.line,
                                 key.source().begin.column};
      const std::string who = m_who.empty() ? "" : m_who + ": ";
      throw RuleError(where.format() + ": " + who + m_key_prefix +
                      std::string(key.str()) + ": unknown key");
    }
  }
}

void TableReader::collect_positions(
    std::map<std::string, TextPosition>& out) const {
  auto position = [](const toml::node& n) {
    return TextPosition{n.source().begin.line, n.source().begin.column};
  };
  for (auto&& [key, value] : m_table) {
    const std::string name = m_key_prefix + std::string(key.str());
    out[name] = position(value);
    // Not each array element's: no message names one, and thousands of
    // entries over the built-in packs cost start-up time.
    if (const auto* table = value.as_table()) {
      TableReader(*table, m_file, m_who, name + '.').collect_positions(out);
    }
  }
}

const toml::node& TableReader::node(std::string_view key) const {
  const toml::node* n = m_table.get(key);
  return n == nullptr ? m_table : *n;
}

const toml::node* TableReader::find(std::string_view key) const {
  return m_table.get(key);
}

SourceLocation TableReader::location_of(const toml::node& n) const {
  return SourceLocation{m_file, n.source().begin.line, n.source().begin.column};
}

void TableReader::fail_at(const toml::node& n, std::string_view what) const {
  throw_at(m_file, n, m_who, what);
}

void TableReader::fail_type(std::string_view key, const toml::node& n,
                            std::string_view expected) const {
  fail_at(n, m_key_prefix + std::string(key) + ": expected " +
                 std::string(expected) + ", got " + std::string(type_name(n)));
}

} // namespace veil::rules
