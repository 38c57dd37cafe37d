#include "sinks/report/artifact_path.hpp"

#include <cerrno>
#include <unistd.h>
#include <vector>

namespace veil {

namespace {

// Drops "." segments and empty ones (from "//"); ".." stays, since without
// the file system a lexical "a/../b" is not always "b".
std::string clean(std::string_view path) {
  std::string out;
  const bool absolute = !path.empty() && path.front() == '/';
  size_t pos = 0;
  while (pos <= path.size()) {
    size_t slash = path.find('/', pos);
    if (slash == std::string_view::npos) {
      slash = path.size();
    }
    const std::string_view segment = path.substr(pos, slash - pos);
    if (!segment.empty() && segment != ".") {
      if (!out.empty() || absolute) {
        out += '/';
      }
      out += segment;
    }
    pos = slash + 1;
  }
  if (out.empty()) {
    return absolute ? "/" : ".";
  }
  return out;
}

} // namespace

std::string relative_path(std::string_view file, std::string_view cwd) {
  if (file == "<stdin>") {
    return "stdin";
  }
  std::string path = clean(file);
  if (path.front() != '/' || cwd.empty() || cwd.front() != '/') {
    return path;
  }
  std::string base = clean(cwd);
  if (base == "/") {
    return path.size() > 1 ? path.substr(1) : ".";
  }
  if (path.size() > base.size() && path.compare(0, base.size(), base) == 0 &&
      path[base.size()] == '/') {
    return path.substr(base.size() + 1);
  }
  return path;
}

std::string current_directory() {
  std::vector<char> buffer(4096);
  while (getcwd(buffer.data(), buffer.size()) == nullptr) {
    if (errno != ERANGE || buffer.size() > (size_t{1} << 20)) {
      return "";
    }
    buffer.resize(buffer.size() * 2);
  }
  return buffer.data();
}

std::string path_to_uri(std::string_view path) {
  constexpr char k_hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  size_t i = 0;
  while (i < path.size() && path[i] == '/') {
    ++i;
  }
  for (; i < path.size(); ++i) {
    const auto c = static_cast<unsigned char>(path[i]);
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                            c == '_' || c == '~' || c == '/';
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += k_hex[c >> 4];
      out += k_hex[c & 0xF];
    }
  }
  return out;
}

} // namespace veil
