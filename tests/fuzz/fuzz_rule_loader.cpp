// Rule loader: any bytes as a TOML pack. Property: it either loads or
// throws one of veil's own errors (which become `veil: FILE:LINE:COL: ...`
// and exit 2), never crashes; a pack that loads also compiles or is refused
// the same way.
#include "core/errors.hpp"
#include "rules/toml_loader.hpp"
#include "scanner/rule_set.hpp"

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
  return 0;
}
