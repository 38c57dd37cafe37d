#include "scanner/placeholder.hpp"

#include "scanner/ascii.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace veil {

namespace {

// Credentials that vendors print in their own documentation: AWS's IAM
// guide, GitHub's OAuth docs, Stripe's API reference, Slack's token docs,
// jwt.io's sample token (its signature is enough to tell it apart).
constexpr std::array<std::string_view, 9> k_documented_examples = {
    "AKIAIOSFODNN7EXAMPLE",
    "AKIAI44QH8DHBEXAMPLE",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
    "16C7e42F292c6912E7710c838347Ae178B4a",
    "4eC39HqLyjWDarjtT1zdp7dc",
    "TYooMQauvdEDq54NiTphI7jx",
    "pdFZKVeTuE8sk7oOcBrzbqgy",
    "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
};

// Words that only a template, a masked value or a redacted log would hold,
// compared case-insensitively (lowercase here). All are five characters or
// longer, or hold a character that random keys lack, so that a real random key
// almost never contains one by chance (a 36-character base62 key holds a given
// five-letter word with odds of about one in a million).
constexpr std::array<std::string_view, 24> k_markers = {
    "xxxx", "****", "...", "\xE2\x80\xA6", // horizontal
                                           // ellipsis
    "\xE2\x80\xA2",                        // bullet
    "redacted", "filtered", "masked", "your_", "your-", "yourkey", "yourtoken",
    "placeholder", "changeme", "changeit", "replace_", "replaceme", "insert_",
    "_here", "-here", "example", "sample", "dummy", "0123456789"};

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

// "<YOUR_API_KEY>", "<token>": angle brackets around a name, not any '<'.
bool has_angle_name(std::string_view v) {
  size_t open = v.find('<');
  while (open != std::string_view::npos) {
    size_t close = v.find('>', open + 1);
    if (close == std::string_view::npos) {
      return false;
    }
    std::string_view inside = v.substr(open + 1, close - open - 1);
    bool name = !inside.empty() &&
                std::all_of(inside.begin(), inside.end(), [](char c) {
                  return is_word_char(c) || c == ' ' || c == '-' || c == '.';
                });
    if (name) {
      return true;
    }
    open = v.find('<', close + 1);
  }
  return false;
}

// "$OPENAI_API_KEY" or "$token": a shell variable and nothing else.
bool is_shell_variable(std::string_view v) {
  if (v.size() < 2 || v.front() != '$') {
    return false;
  }
  return std::all_of(v.begin() + 1, v.end(), is_word_char) &&
         std::isdigit(static_cast<unsigned char>(v[1])) == 0;
}

bool is_template(std::string_view v) {
  return v.find("${") != std::string_view::npos ||
         v.find("{{") != std::string_view::npos ||
         v.find("%s") != std::string_view::npos ||
         v.find("%(") != std::string_view::npos || has_angle_name(v) ||
         is_shell_variable(v) || (v.front() == '[' && v.back() == ']');
}

// "sk-aaaaaaaaaaaa", "ghp_000000...": after any prefix, one character
// repeated; also "abcdefgh..." and "12345678...", the sequences people type.
bool is_trivial_run(std::string_view v) {
  size_t dash = v.find_last_of("-_");
  std::string_view body =
      dash == std::string_view::npos ? v : v.substr(dash + 1);
  if (body.size() < 6) {
    return false;
  }
  if (body.find_first_not_of(body.front()) == std::string_view::npos) {
    return true;
  }
  bool ascending = true;
  for (size_t i = 1; i < body.size() && ascending; ++i) {
    char prev = ascii_lower(body[i - 1]);
    char cur = ascii_lower(body[i]);
    // "1234567890" wraps, as keyboards do.
    ascending = cur == prev + 1 || (prev == '9' && cur == '0');
  }
  return ascending;
}

} // namespace

bool looks_like_placeholder(std::string_view value) {
  if (value.empty()) {
    return true;
  }
  for (std::string_view key : k_documented_examples) {
    if (value.find(key) != std::string_view::npos) {
      return true;
    }
  }
  std::string lowered(value);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(), ascii_lower);
  for (std::string_view marker : k_markers) {
    if (lowered.find(marker) != std::string::npos) {
      return true;
    }
  }
  return is_template(value) || is_trivial_run(value);
}

} // namespace veil
