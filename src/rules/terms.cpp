#include "rules/terms.hpp"

#include "core/errors.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace veil {

namespace {

bool is_ascii_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_';
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x80;
  });
}

// RE2's \b is ASCII-only: put it only on edges that are ASCII word
// characters, so "Project X-1" and "Müller" still match.
std::string whole_word(const std::string& term) {
  std::string out = is_ascii_word_char(term.front()) ? "\\b" : "";
  out += RE2::QuoteMeta(term);
  out += is_ascii_word_char(term.back()) ? "\\b" : "";
  return out;
}

std::string lowercase_ascii(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c + 32);
    }
  }
  return s;
}

} // namespace

std::vector<std::string> parse_terms(std::string_view text) {
  std::vector<std::string> terms;
  std::istringstream in{std::string(text)};
  std::string line;
  while (std::getline(in, line)) {
    size_t hash = line.find('#');
    if (hash != std::string::npos) {
      line.resize(hash);
    }
    size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) {
      continue;
    }
    size_t last = line.find_last_not_of(" \t\r");
    terms.push_back(line.substr(first, last - first + 1));
  }
  return terms;
}

RuleSpec terms_rule(const std::vector<std::string>& terms) {
  RuleSpec rule;
  rule.id = "custom.terms";
  rule.description = "A term from a terms_file list";
  rule.entity = "CUSTOM_TERM";
  rule.category = "custom";
  rule.severity = Severity::medium;
  rule.confidence = 0.9;
  // Longest first, so "Acme Cloud" wins over "Acme" at the same place.
  std::vector<std::string> sorted = terms;
  std::sort(sorted.begin(), sorted.end(),
            [](const std::string& a, const std::string& b) {
              return a.size() != b.size() ? a.size() > b.size() : a < b;
            });
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  rule.regex = "(?i)(?:";
  bool all_ascii = true;
  for (size_t i = 0; i < sorted.size(); ++i) {
    if (i > 0) {
      rule.regex += '|';
    }
    rule.regex += whole_word(sorted[i]);
    all_ascii = all_ascii && is_ascii(sorted[i]);
    rule.keywords.push_back(lowercase_ascii(sorted[i]));
  }
  rule.regex += ")";
  if (!all_ascii) {
    // The prefilter folds ASCII case only: "MÜLLER" would not find
    // "müller", so such lists run on every text.
    rule.keywords.clear();
  }
  rule.pack = "terms";
  return rule;
}

std::optional<PackSpec> load_terms(const std::vector<std::string>& files) {
  std::vector<std::string> terms;
  for (const std::string& path : files) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      throw UsageError(path + ": cannot read terms file");
    }
    std::stringstream text;
    text << in.rdbuf();
    std::vector<std::string> more = parse_terms(text.str());
    terms.insert(terms.end(), more.begin(), more.end());
  }
  if (terms.empty()) {
    return std::nullopt;
  }
  PackSpec pack;
  pack.name = "terms";
  pack.version = "1";
  pack.description = "terms_file lists";
  pack.source = files.front();
  pack.rules.push_back(terms_rule(terms));
  pack.rules.back().location = SourceLocation{files.front()};
  return pack;
}

} // namespace veil
