#include "rules/blank_examples.hpp"

namespace veil::rules {

namespace {

// Where a TOML line leaves the lexer: outside strings, or inside a
// multi-line string that goes on to the next line; and how many arrays
// are open (a line of an array value may start with '[').
enum class Open { none, literal, basic };
struct Lexer {
  Open open = Open::none;
  int arrays = 0;
};

// The end of the quoted string opening at `at`, or npos.
size_t string_end(std::string_view line, size_t at) {
  char quote = line[at];
  for (size_t i = at + 1; i < line.size(); ++i) {
    if (quote == '"' && line[i] == '\\') {
      ++i;
    } else if (line[i] == quote) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

// The end of a multi-line string's closing delimiter from `from`, or npos.
size_t multiline_end(std::string_view line, size_t from, Open open) {
  std::string_view close = open == Open::literal ? "'''" : "\"\"\"";
  for (size_t i = line.find(close, from); i != std::string_view::npos;
       i = line.find(close, i + 1)) {
    if (open == Open::literal || i == 0 || line[i - 1] != '\\') {
      return i + 3;
    }
  }
  return std::string_view::npos;
}

// Follows strings, brackets and comments along one line.
void scan_line(std::string_view line, Lexer& lexer) {
  size_t i = 0;
  if (lexer.open != Open::none) {
    i = multiline_end(line, 0, lexer.open);
    if (i == std::string_view::npos) {
      return;
    }
    lexer.open = Open::none;
  }
  while (i < line.size()) {
    char c = line[i];
    if (c == '#') {
      return;
    }
    if (c == '[' || c == ']') {
      lexer.arrays += c == '[' ? 1 : -1;
    }
    if (c != '\'' && c != '"') {
      ++i;
      continue;
    }
    if (line.substr(i, 3) == std::string(3, c)) {
      Open opened = c == '\'' ? Open::literal : Open::basic;
      i = multiline_end(line, i + 3, opened);
      if (i == std::string_view::npos) {
        lexer.open = opened;
        return;
      }
      continue;
    }
    i = string_end(line, i);
    if (i == std::string_view::npos) {
      return; // not TOML; the parser will say so
    }
  }
}

// A table header without its spaces ("[ rules . examples ]" is
// "[rules.examples]"), or "" for a line that starts no header.
std::string header_of(std::string_view line) {
  size_t first = line.find_first_not_of(" \t");
  if (first == std::string_view::npos || line[first] != '[') {
    return "";
  }
  std::string name;
  for (char c : line.substr(first)) {
    if (c == '#') {
      break;
    }
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
      name += c;
    }
  }
  return name;
}

} // namespace

std::string blank_examples(std::string_view pack) {
  std::string out;
  out.reserve(pack.size());
  Lexer lexer;
  bool blanking = false;
  size_t begin = 0;
  while (begin < pack.size()) {
    size_t end = pack.find('\n', begin);
    end = end == std::string_view::npos ? pack.size() : end + 1;
    std::string_view line = pack.substr(begin, end - begin);
    if (lexer.open == Open::none && lexer.arrays == 0) {
      std::string header = header_of(line);
      if (!header.empty()) {
        blanking = header == "[rules.examples]";
      }
    }
    scan_line(line, lexer);
    if (!blanking) {
      out.append(line);
    } else if (line.back() == '\n') {
      out += '\n';
    }
    begin = end;
  }
  return out;
}

} // namespace veil::rules
