// Path globs as .gitignore writes them, for --exclude and .veilignore:
// `*` and `?` stay inside one path segment, `**` crosses segments, `[a-z]`
// and `[!...]` are classes, `\` escapes. A pattern without a `/` matches a
// file or directory name at any depth (`*.pem`); one with a `/` is anchored
// at the base (`tests/fixtures/**`); a trailing `/` matches directories only.
// A path matches when it or one of its parent directories matches, so
// `fixtures/` excludes everything below it.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace veil {

// Whole-string match of one glob against one relative path.
bool glob_match(std::string_view pattern, std::string_view path);

// `path` is relative to the pattern's base, '/'-separated, no leading "./".
// `is_dir` says whether path itself is a directory (its parents always are).
bool path_glob_matches(std::string_view pattern, std::string_view path,
                       bool is_dir = false);

// `file` as named on the command line (relative to `cwd` or absolute), made
// relative to `base` (a directory, relative to `cwd` or absolute), lexically:
// "logs/../a.jsonl" under base "." is "a.jsonl". Files outside base keep
// their "../" prefix, so an anchored glob never matches them.
std::string relative_to(const std::string& file,
                        const std::filesystem::path& base,
                        const std::filesystem::path& cwd);

} // namespace veil
