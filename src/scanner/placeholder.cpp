#include "scanner/placeholder.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace veil {

namespace {

// Documented example credentials (AWS docs and the like).
constexpr std::array<std::string_view, 3> k_example_keys = {
    "AKIAIOSFODNN7EXAMPLE",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "AKIAI44QH8DHBEXAMPLE",
};

// Words that only a template or a redacted log would hold.
constexpr std::array<std::string_view, 8> k_markers = {
    "xxxx",  "****",  "....",        "redacted",
    "your_", "your-", "placeholder", "changeme"};

bool contains_ci(std::string_view text, std::string_view word) {
  auto it = std::search(
      text.begin(), text.end(), word.begin(), word.end(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == b;
      });
  return it != text.end();
}

bool is_template(std::string_view v) {
  return v.find("${") != std::string_view::npos ||
         v.find("{{") != std::string_view::npos ||
         v.find("%s") != std::string_view::npos ||
         (v.find('<') != std::string_view::npos &&
          v.find('>') != std::string_view::npos) ||
         (v.front() == '[' && v.back() == ']');
}

// "sk-aaaaaaaaaaaa": after any prefix, one character repeated.
bool is_one_char_run(std::string_view v) {
  size_t dash = v.find_last_of("-_");
  std::string_view body =
      dash == std::string_view::npos ? v : v.substr(dash + 1);
  return body.size() >= 6 &&
         body.find_first_not_of(body.front()) == std::string_view::npos;
}

} // namespace

bool looks_like_placeholder(std::string_view value) {
  if (value.empty()) {
    return true;
  }
  for (std::string_view key : k_example_keys) {
    if (value.find(key) != std::string_view::npos) {
      return true;
    }
  }
  for (std::string_view marker : k_markers) {
    if (contains_ci(value, marker)) {
      return true;
    }
  }
  return is_template(value) || is_one_char_run(value);
}

} // namespace veil
