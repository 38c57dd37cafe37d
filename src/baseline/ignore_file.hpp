// .veilignore, found like .veil.toml (the nearest one at or above the
// working directory; --no-ignore-file skips it). One entry a line, each
// with an optional "# reason" after it; blank lines and lines starting with
// '#' are skipped:
//
//   3a1e…64 hex…                   # a fingerprint from a report
//   secret.generic_password        # a rule id: all its findings
//   tests/fixtures/**              # a path glob (see path_glob.hpp)
//   rule:pii.email  path:*.eml  fingerprint:3a1e…   # explicit forms
//
// A bare word that is neither a fingerprint nor glob-like (no '/', '*',
// '?', '[') matches as a rule id or as a file name. Paths are relative to
// the file's directory.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace veil {

struct IgnoreEntry {
  enum class Kind { fingerprint, rule, path, rule_or_path };
  Kind kind = Kind::path;
  std::string value;
  std::string reason;
  size_t line = 0;
};

struct IgnoreFile {
  std::string name;           // as shown in messages
  std::filesystem::path base; // directory globs are relative to
  std::vector<IgnoreEntry> entries;
};

// Throws RuleError "NAME:LINE: veilignore: what" (exit 2).
IgnoreFile parse_ignore_file(std::string_view text, const std::string& name,
                             const std::filesystem::path& base);

// The nearest .veilignore at or above dir.
std::optional<std::filesystem::path>
find_ignore_file(const std::filesystem::path& dir);

// find + read + parse relative to the working directory; nullopt if none.
std::optional<IgnoreFile> load_ignore_file();

} // namespace veil
