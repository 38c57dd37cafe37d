#include "scanner/compile_ahead.hpp"

#include <algorithm>
#include <atomic>
#include <thread>

namespace veil {

namespace {

// RE2's program, and its compiling time, grow with the pattern and most of
// all with each Unicode class (\p{L} is hundreds of byte ranges).
size_t expected_cost(const CompiledRule& rule) {
  const std::string& regex = rule.spec().regex;
  size_t classes = 0;
  for (size_t at = regex.find("\\p"); at != std::string::npos;
       at = regex.find("\\p", at + 2)) {
    ++classes;
  }
  return regex.size() + 500 * classes;
}

void compile_quietly(const CompiledRule& rule) {
  try {
    (void)rule.regex();
  } catch (...) { // RuleError: rethrown by the search that needs the rule
  }
}

} // namespace

void compile_ahead(std::vector<const CompiledRule*> rules) {
  std::erase_if(rules,
                [](const CompiledRule* rule) { return rule->compiled(); });
  if (rules.size() < 2) {
    return;
  }
  std::sort(rules.begin(), rules.end(), [](const auto* a, const auto* b) {
    return expected_cost(*a) > expected_cost(*b);
  });
  // Each thread takes the next rule when done with its last, so the two
  // finish together however far off the expected costs are.
  std::atomic<size_t> next{0};
  auto take_turns = [&] {
    for (size_t i = next++; i < rules.size(); i = next++) {
      compile_quietly(*rules[i]);
    }
  };
  std::thread helper(take_turns);
  take_turns();
  helper.join();
}

} // namespace veil
