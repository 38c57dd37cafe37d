#include "actions/vault.hpp"

#include "core/errors.hpp"
#include "sinks/atomic_file.hpp"
#include "source/sys_error.hpp"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <fstream>
#include <sstream>

namespace veil {

namespace {

constexpr std::string_view k_format = "veil-vault";
constexpr int k_version = 1;

// "NAME:LINE:COL" of a byte offset, for parse errors: nlohmann's own
// messages quote the text read last, which may be a vault value.
std::string position(std::string_view text, size_t offset,
                     const std::string& name) {
  size_t line = 1;
  size_t column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return name + ":" + std::to_string(line) + ":" + std::to_string(column);
}

[[noreturn]] void invalid(const std::string& name, const std::string& what) {
  throw InputError(name + ": vault: " + what);
}

void check_header(const nlohmann::json& doc, const std::string& name) {
  if (!doc.is_object()) {
    invalid(name, "not a JSON object");
  }
  auto format = doc.find("format");
  if (format == doc.end() || *format != k_format) {
    invalid(name, "\"format\" is not \"veil-vault\" (not a veil vault)");
  }
  auto version = doc.find("version");
  if (version == doc.end() || *version != k_version) {
    invalid(name, "unsupported \"version\" (this veil reads version 1)");
  }
}

} // namespace

Vault Vault::parse(std::string_view text, const std::string& name) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw InputError(position(text, e.byte == 0 ? 0 : e.byte - 1, name) +
                     ": vault: not valid JSON");
  } catch (const nlohmann::json::exception&) {
    // A number too large for a double (out_of_range.406); its message
    // quotes the number, which could be a value.
    invalid(name, "not valid JSON (a number out of range)");
  }
  check_header(doc, name);
  auto entries = doc.find("entries");
  if (entries == doc.end() || !entries->is_object()) {
    invalid(name, "\"entries\" is missing or not an object");
  }
  Vault vault;
  for (const auto& [placeholder, original] : entries->items()) {
    if (!original.is_string()) {
      invalid(name, "entry " + placeholder + ": the value is not a string");
    }
    vault.m_entries.emplace(placeholder, original.get<std::string>());
  }
  return vault;
}

Vault Vault::load(const std::string& path, bool must_exist) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    int err = errno;
    if (err == ENOENT && !must_exist) {
      return Vault();
    }
    throw InputError(path + ": " + errno_text(err));
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parse(buffer.str(), path);
}

bool Vault::add(std::string_view placeholder, std::string_view original) {
  auto it = m_entries.find(placeholder);
  if (it == m_entries.end()) {
    m_entries.emplace(placeholder, original);
    return true;
  }
  if (it->second == original) {
    return true;
  }
  ++m_conflicts;
  return false;
}

const std::string* Vault::find(std::string_view placeholder) const {
  auto it = m_entries.find(placeholder);
  return it == m_entries.end() ? nullptr : &it->second;
}

std::string Vault::to_json() const {
  nlohmann::json doc;
  doc["format"] = k_format;
  doc["version"] = k_version;
  doc["entries"] = nlohmann::json::object();
  for (const auto& [placeholder, original] : m_entries) {
    doc["entries"][placeholder] = original;
  }
  // Values the scanner saw as bytes may be invalid UTF-8: written with
  // U+FFFD in their place rather than failing the run.
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
         "\n";
}

void Vault::save(const std::string& path) const {
  AtomicFile file(path, 0600);
  file.write(to_json());
  file.commit();
}

} // namespace veil
