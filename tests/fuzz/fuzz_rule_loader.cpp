// Rule loader: any bytes as a TOML pack. Property: it either loads or
// throws one of veil's own errors (which become `veil: FILE:LINE:COL: ...`
// and exit 2), never crashes; a pack that loads also compiles or is refused
// the same way. The pack with its example tables blanked (as scan reads the
// built-in packs) keeps its line count and is loaded or refused the same
// way, never crashing.
#include "core/errors.hpp"
#include "fuzz_check.hpp"
#include "rules/blank_examples.hpp"
#include "rules/toml_loader.hpp"
#include "scanner/rule_set.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    veil::PackSpec pack =
        veil::load_pack(text, "fuzz.toml", veil::LoadOptions{false});
    veil::RuleSet rules(std::move(pack.rules));
  } catch (const veil::RuleError&) {
  } catch (const veil::UsageError&) {
  }
  std::string blanked = veil::rules::blank_examples(text);
  FUZZ_CHECK(std::count(blanked.begin(), blanked.end(), '\n') ==
             std::count(text.begin(), text.end(), '\n'));
  try {
    veil::load_pack(blanked, "fuzz.toml", veil::LoadOptions{false});
  } catch (const veil::RuleError&) {
  } catch (const veil::UsageError&) {
  }
  return 0;
}
