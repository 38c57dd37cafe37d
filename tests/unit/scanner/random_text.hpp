// Random texts for the tests that compare two ways of searching a rule's
// regex (windows, segments, finding patterns) on every built-in rule.
#pragma once

#include "rules/rule_spec.hpp"

#include <iterator>
#include <random>
#include <string>
#include <vector>

namespace veil {

// Texts rich in what the digit-driven rules look at: digit runs,
// separators, words and labels, non-ASCII letters and tag characters.
inline std::string random_text(std::mt19937& rng,
                               const std::vector<std::string>& extra) {
  static const char* pieces[] = {"0",
                                 "1",
                                 "4",
                                 "7",
                                 "9",
                                 "12",
                                 "555",
                                 "2024",
                                 "-",
                                 " ",
                                 " ",
                                 ".",
                                 "/",
                                 "(",
                                 ")",
                                 "+",
                                 ":",
                                 "\"",
                                 "'",
                                 "@",
                                 "#",
                                 ",",
                                 "\n",
                                 "a",
                                 "Z",
                                 "x",
                                 "id",
                                 "tel",
                                 "No",
                                 "order ",
                                 "IBAN ",
                                 "DE",
                                 "Street",
                                 "name",
                                 "=",
                                 "é",
                                 "ß",
                                 "\xE2\x80\x8B",
                                 "\xF3\xA0\x80\x81",
                                 "\xE4\xB8\xAD",
                                 "abcdefghijklmnopqrstuvwxyz "};
  std::uniform_int_distribution<size_t> piece(0, std::size(pieces) - 1);
  std::uniform_int_distribution<size_t> length(0, 80);
  std::string text;
  size_t n = length(rng);
  for (size_t i = 0; i < n; ++i) {
    if (!extra.empty() && rng() % 16 == 0) {
      text += extra[rng() % extra.size()];
    } else {
      text += pieces[piece(rng)];
    }
  }
  return text;
}

// A rule's examples, then 150 random texts with pieces of them.
inline std::vector<std::string> rule_texts(std::mt19937& rng,
                                           const RuleSpec& rule) {
  std::vector<std::string> examples = rule.examples_match;
  examples.insert(examples.end(), rule.examples_no_match.begin(),
                  rule.examples_no_match.end());
  std::vector<std::string> texts = examples;
  for (int i = 0; i < 150; ++i) {
    texts.push_back(random_text(rng, examples));
  }
  return texts;
}

} // namespace veil
