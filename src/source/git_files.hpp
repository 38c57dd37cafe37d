// What git would show of a directory: its tracked files plus untracked ones
// that .gitignore, .git/info/exclude and core.excludesFile do not exclude.
// veil asks git itself (`git ls-files --cached --others --exclude-standard`)
// rather than parsing .gitignore, so negations, nested ignore files and
// global excludes behave exactly as in git, and tracked files are never
// skipped even when a pattern matches them.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace veil {

// Paths relative to dir. nullopt when dir is not inside a git work tree,
// git is not installed, or dir itself is ignored (then the caller walks it
// whole: the user named it).
std::optional<std::vector<std::string>>
git_visible_files(const std::string& dir);

} // namespace veil
