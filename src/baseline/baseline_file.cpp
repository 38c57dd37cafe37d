#include "baseline/baseline_file.hpp"

#include "core/errors.hpp"

#include <nlohmann/json.hpp>
#include <openssl/rand.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <tuple>

namespace veil {

namespace {

using json = nlohmann::json;

// File names are bytes; invalid UTF-8 becomes U+FFFD rather than a throw.
std::string json_string(const std::string& s) {
  return json(s).dump(-1, ' ', false, json::error_handler_t::replace);
}

size_t line_at(std::string_view text, size_t pos) {
  pos = std::min(pos, text.size());
  return 1 + static_cast<size_t>(
                 std::count(text.begin(), text.begin() + pos, '\n'));
}

bool is_fingerprint(const std::string& s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

[[noreturn]] void fail(const std::string& name, size_t line,
                       const std::string& what) {
  throw RuleError(name + ":" + std::to_string(line) + ": baseline: " + what);
}

std::string string_member(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) {
    return "";
  }
  return it->get<std::string>();
}

// Entries come in file order, so each one's line is found by searching for
// its fingerprint after the previous one's.
BaselineEntry parse_entry(const json& j, std::string_view text, size_t& pos,
                          const std::string& name) {
  BaselineEntry e;
  const size_t here = line_at(text, pos);
  if (!j.is_object()) {
    fail(name, here, "an entry is not an object");
  }
  e.fingerprint = string_member(j, "fingerprint");
  const size_t found = text.find('"' + e.fingerprint + '"', pos);
  pos = found == std::string_view::npos ? pos : found + 1;
  e.line = line_at(text, pos);
  if (!is_fingerprint(e.fingerprint)) {
    fail(name, e.line, "fingerprint: expected 64 lowercase hex digits");
  }
  e.rule = string_member(j, "rule");
  if (e.rule.empty()) {
    fail(name, e.line, "rule: expected a rule id");
  }
  e.file = string_member(j, "file");
  return e;
}

} // namespace

bool BaselineEntry::operator<(const BaselineEntry& o) const {
  return std::tie(fingerprint, rule, file) <
         std::tie(o.fingerprint, o.rule, o.file);
}

bool BaselineEntry::operator==(const BaselineEntry& o) const {
  return fingerprint == o.fingerprint && rule == o.rule && file == o.file;
}

Baseline parse_baseline(std::string_view text, const std::string& name) {
  json root;
  try {
    root = json::parse(text);
  } catch (const json::parse_error& e) {
    fail(name, line_at(text, e.byte == 0 ? 0 : e.byte - 1), "not valid JSON");
  } catch (const json::exception&) { // a number out of range
    fail(name, 1, "not valid JSON (a number out of range)");
  }
  if (!root.is_object() || root.value("veil_baseline", 0) != 1) {
    fail(name, 1, "not a veil baseline (expected \"veil_baseline\": 1)");
  }
  Baseline b;
  b.salt = string_member(root, "salt");
  if (b.salt.empty()) {
    fail(name, 1, "salt: expected a non-empty string");
  }
  auto entries = root.find("entries");
  if (entries == root.end() || !entries->is_array()) {
    fail(name, 1, "entries: expected an array");
  }
  size_t pos = 0;
  for (const json& j : *entries) {
    b.entries.push_back(parse_entry(j, text, pos, name));
  }
  return b;
}

Baseline read_baseline(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw UsageError(path + ": cannot read baseline file");
  }
  std::stringstream text;
  text << in.rdbuf();
  return parse_baseline(text.str(), path);
}

void sort_entries(std::vector<BaselineEntry>& entries) {
  std::sort(entries.begin(), entries.end());
  entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
}

std::string format_baseline(Baseline b) {
  sort_entries(b.entries);
  std::string out =
      "{\n  \"veil_baseline\": 1,\n  \"salt\": " + json_string(b.salt) +
      ",\n  \"entries\": [";
  for (size_t i = 0; i < b.entries.size(); ++i) {
    const BaselineEntry& e = b.entries[i];
    out += i == 0 ? "\n    " : ",\n    ";
    out += "{\"fingerprint\": " + json_string(e.fingerprint) +
           ", \"rule\": " + json_string(e.rule);
    if (!e.file.empty()) {
      out += ", \"file\": " + json_string(e.file);
    }
    out += '}';
  }
  out += b.entries.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

std::string new_baseline_salt() {
  unsigned char bytes[16];
  if (RAND_bytes(bytes, sizeof bytes) != 1) {
    throw InputError("cannot get random bytes for the baseline salt");
  }
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out += k_hex[b >> 4];
    out += k_hex[b & 15];
  }
  return out;
}

} // namespace veil
