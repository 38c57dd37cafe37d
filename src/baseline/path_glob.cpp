#include "baseline/path_glob.hpp"

namespace veil {

namespace fs = std::filesystem;

namespace {

// `[...]` at the front of pattern against c. Returns the class's length
// (0 when the bracket is not closed: then it is a literal '[').
size_t match_class(std::string_view pattern, char c, bool& matched) {
  size_t i = 1;
  const bool negate = i < pattern.size() && pattern[i] == '!';
  i += negate ? 1 : 0;
  bool hit = false;
  bool first = true;
  for (; i < pattern.size() && (pattern[i] != ']' || first); ++i) {
    first = false;
    char lo = pattern[i];
    char hi = lo;
    if (i + 2 < pattern.size() && pattern[i + 1] == '-' &&
        pattern[i + 2] != ']') {
      hi = pattern[i + 2];
      i += 2;
    }
    hit = hit || (c >= lo && c <= hi);
  }
  if (i >= pattern.size()) {
    return 0;
  }
  matched = hit != negate && c != '/';
  return i + 1;
}

bool match_double_star(std::string_view rest, std::string_view path) {
  // "**/" matches zero or more whole directories.
  if (!rest.empty() && rest.front() == '/') {
    rest.remove_prefix(1);
    if (glob_match(rest, path)) {
      return true;
    }
    for (size_t i = 0; i < path.size(); ++i) {
      if (path[i] == '/' && glob_match(rest, path.substr(i + 1))) {
        return true;
      }
    }
    return false;
  }
  for (size_t i = 0; i <= path.size(); ++i) {
    if (glob_match(rest, path.substr(i))) {
      return true;
    }
  }
  return false;
}

bool match_star(std::string_view rest, std::string_view path) {
  for (size_t i = 0;; ++i) {
    if (glob_match(rest, path.substr(i))) {
      return true;
    }
    if (i == path.size() || path[i] == '/') {
      return false;
    }
  }
}

// Pattern without a '/': any single segment of path may match it.
bool matches_a_segment(std::string_view pattern, std::string_view path,
                       bool is_dir, bool dir_only) {
  size_t begin = 0;
  while (begin <= path.size()) {
    size_t slash = path.find('/', begin);
    const bool last = slash == std::string_view::npos;
    const size_t end = last ? path.size() : slash;
    if ((!last || is_dir || !dir_only) &&
        glob_match(pattern, path.substr(begin, end - begin))) {
      return true;
    }
    if (last) {
      break;
    }
    begin = slash + 1;
  }
  return false;
}

} // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  while (!pattern.empty()) {
    const char c = pattern.front();
    if (pattern.substr(0, 2) == "**") {
      return match_double_star(pattern.substr(2), path);
    }
    if (c == '*') {
      return match_star(pattern.substr(1), path);
    }
    if (path.empty()) {
      return false;
    }
    size_t used = 1;
    if (c == '?') {
      if (path.front() == '/') {
        return false;
      }
    } else if (c == '[') {
      bool matched = false;
      used = match_class(pattern, path.front(), matched);
      if (used == 0) {
        used = 1;
        matched = path.front() == '[';
      }
      if (!matched) {
        return false;
      }
    } else if (c == '\\' && pattern.size() > 1) {
      if (pattern[1] != path.front()) {
        return false;
      }
      used = 2;
    } else if (c != path.front()) {
      return false;
    }
    pattern.remove_prefix(used);
    path.remove_prefix(1);
  }
  return path.empty();
}

bool path_glob_matches(std::string_view pattern, std::string_view path,
                       bool is_dir) {
  bool dir_only = false;
  if (!pattern.empty() && pattern.back() == '/') {
    dir_only = true;
    pattern.remove_suffix(1);
  }
  if (pattern.find('/') == std::string_view::npos) {
    return !pattern.empty() &&
           matches_a_segment(pattern, path, is_dir, dir_only);
  }
  if (pattern.front() == '/') {
    pattern.remove_prefix(1);
  }
  if ((is_dir || !dir_only) && glob_match(pattern, path)) {
    return true;
  }
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '/' && glob_match(pattern, path.substr(0, i))) {
      return true;
    }
  }
  return false;
}

std::string relative_to(const std::string& file, const fs::path& base,
                        const fs::path& cwd) {
  const fs::path absolute =
      fs::path(file).is_absolute() ? fs::path(file) : cwd / file;
  const fs::path absolute_base = base.is_absolute() ? base : cwd / base;
  fs::path rel = absolute.lexically_normal().lexically_relative(
      absolute_base.lexically_normal());
  return rel.empty() ? file : rel.generic_string();
}

} // namespace veil
