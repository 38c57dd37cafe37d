// A rule pack with its [rules.examples] tables blanked out: only `veil rules`
// uses examples, and they are half the built-in packs' text, so a scan does
// not parse them (a sixth of a one-line run's time). Each line of a blanked
// table becomes an empty line, so every other key keeps its line and column
// for messages.
#pragma once

#include <string>
#include <string_view>

namespace veil::rules {

std::string blank_examples(std::string_view pack);

} // namespace veil::rules
