// Compiles the regexes a group of searches is about to need on two threads.
// A built-in rule compiles on first use, and on a short run compiling is
// most of the time (the person-name and address rules, with their Unicode
// letter classes, take 3-9 ms each): the first group of a pre-commit run
// waits for a dozen compiles one after the other while the other core,
// with no second group to scan, is idle. Only the time changes; each rule
// still compiles once (CompiledRule's once flag), whichever thread gets it.
#pragma once

#include "scanner/compiled_rule.hpp"

#include <vector>

namespace veil {

// Compiles every rule of `rules` not compiled yet, the costliest first, on
// this thread and one helper, when two or more are left. A regex that does
// not compile is left to the rule's next use, which throws its error.
void compile_ahead(std::vector<const CompiledRule*> rules);

} // namespace veil
