#include "baseline/ignore_file.hpp"

#include "core/errors.hpp"
#include "core/find_upward.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace veil {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view k_file_name = ".veilignore";

std::string_view trim(std::string_view s) {
  const size_t begin = s.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos) {
    return {};
  }
  const size_t end = s.find_last_not_of(" \t\r");
  return s.substr(begin, end - begin + 1);
}

bool is_fingerprint(std::string_view s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

[[noreturn]] void fail(const std::string& name, size_t line,
                       const std::string& what) {
  throw RuleError(name + ":" + std::to_string(line) + ": veilignore: " + what);
}

// "kind:value" with one of the explicit prefixes, else classified by shape.
IgnoreEntry classify(std::string_view word, const std::string& name,
                     size_t line) {
  using Kind = IgnoreEntry::Kind;
  IgnoreEntry e;
  e.line = line;
  static constexpr std::pair<std::string_view, Kind> k_prefixes[] = {
      {"fingerprint:", Kind::fingerprint},
      {"rule:", Kind::rule},
      {"path:", Kind::path}};
  for (const auto& [prefix, kind] : k_prefixes) {
    if (word.substr(0, prefix.size()) == prefix) {
      e.kind = kind;
      e.value = word.substr(prefix.size());
      if (e.value.empty()) {
        fail(name, line, std::string(prefix) + " needs a value");
      }
      if (kind == Kind::fingerprint && !is_fingerprint(e.value)) {
        fail(name, line, "fingerprint: expected 64 lowercase hex digits");
      }
      return e;
    }
  }
  e.value = word;
  if (is_fingerprint(word)) {
    e.kind = Kind::fingerprint;
  } else if (word.find_first_of("/*?[") != std::string_view::npos) {
    e.kind = Kind::path;
  } else {
    e.kind = Kind::rule_or_path;
  }
  return e;
}

} // namespace

IgnoreFile parse_ignore_file(std::string_view text, const std::string& name,
                             const fs::path& base) {
  IgnoreFile file{name, base, {}};
  size_t line = 0;
  while (!text.empty()) {
    ++line;
    const size_t newline = text.find('\n');
    std::string_view row = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size()
                                                         : newline + 1);
    row = trim(row);
    if (row.empty() || row.front() == '#') {
      continue;
    }
    std::string_view reason;
    const size_t hash = row.find(" #");
    const size_t tab_hash = row.find("\t#");
    const size_t cut = std::min(hash, tab_hash);
    if (cut != std::string_view::npos) {
      reason = trim(row.substr(cut + 2));
      row = trim(row.substr(0, cut));
    }
    if (row.find_first_of(" \t") != std::string_view::npos) {
      fail(name, line, "one entry per line (put a reason after \" # \")");
    }
    IgnoreEntry e = classify(row, name, line);
    e.reason = reason;
    file.entries.push_back(std::move(e));
  }
  return file;
}

std::optional<fs::path> find_ignore_file(const fs::path& dir) {
  return find_upward(dir, k_file_name);
}

std::optional<IgnoreFile> load_ignore_file() {
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  std::optional<fs::path> found = ec ? std::nullopt : find_ignore_file(cwd);
  if (!found) {
    return std::nullopt;
  }
  std::ifstream in(*found, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) {
    throw UsageError(found->string() + ": cannot read ignore file");
  }
  // Shown relative to the working directory, as users name files.
  const fs::path shown = found->lexically_relative(cwd);
  fs::path base = shown.parent_path();
  return parse_ignore_file(text.str(), shown.string(),
                           base.empty() ? fs::path(".") : base);
}

} // namespace veil
