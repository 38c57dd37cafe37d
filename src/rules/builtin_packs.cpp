#include "rules/builtin_packs.hpp"

#include "rules/blank_examples.hpp"
#include "rules/spec_codec.hpp"
#include "rules/toml_loader.hpp"
#include "scanner/compiled_rule.hpp"

#include <atomic>
#include <future>

namespace veil::rules {

// A second thread takes packs from the same list as this one: each pack's
// parse is independent, and `veil rules` parses all of them with examples.
std::vector<PackSpec> parse_builtin_packs(bool examples) {
  const std::vector<EmbeddedPack>& sources = builtin_pack_sources();
  std::vector<PackSpec> packs(sources.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < sources.size(); i = next++) {
      std::string name(sources[i].name);
      packs[i] = examples ? load_pack(sources[i].text, name)
                          : load_pack(blank_examples(sources[i].text), name,
                                      LoadOptions{.require_examples = false});
      for (RuleSpec& rule : packs[i].rules) {
        rule.builtin = true;
      }
    }
  };
  std::future<void> helper = std::async(std::launch::async, work);
  work();
  helper.get(); // rethrows the helper's error
  return packs;
}

// Each rule's program size is stored with it (RuleSpec::program_size).
// The key positions only point messages about a rule's regex, group or
// validator at the key (RuleSpec::where); the built-in rules compile in the
// test suite, so no run ever shows one, and they were almost half the decoded
// specs' memory (start-up time). Messages would name the rule's table.
std::string encode_builtin_packs() {
  std::vector<PackSpec> packs = parse_builtin_packs(false);
  for (PackSpec& pack : packs) {
    for (RuleSpec& rule : pack.rules) {
      rule.key_positions.clear();
      rule.program_size = CompiledRule::program_size_of(rule.regex);
    }
  }
  return encode_packs(packs);
}

} // namespace veil::rules
