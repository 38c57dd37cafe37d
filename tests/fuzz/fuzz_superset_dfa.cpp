// A rule regex through byte_superset() (the closer form the rule gate's
// screen reads) into SupersetDfa, then a text. The input is the regex, a
// NUL, then the text. Property: wherever RE2 finds a match in the text,
// the DFA says a pattern may match, one text at a time or four side by
// side; nothing crashes, whatever the regex (user rules reach the screen).
#include "fuzz_check.hpp"
#include "scanner/byte_superset.hpp"
#include "scanner/superset_dfa.hpp"

#include <re2/re2.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t cut = input.find('\0');
  if (cut == std::string_view::npos || cut > 512) {
    return 0;
  }
  const std::string pattern(input.substr(0, cut));
  const std::string_view text = input.substr(cut + 1);
  RE2::Options options;
  options.set_log_errors(false);
  RE2 re(pattern, options);
  if (!re.ok()) {
    return 0;
  }
  std::optional<std::string> superset =
      veil::byte_superset(pattern, veil::SupersetDfa::k_form);
  if (!superset) {
    return 0;
  }
  std::vector<std::string> patterns{*superset};
  auto dfa = veil::SupersetDfa::build(patterns);
  if (dfa == nullptr) {
    return 0;
  }
  veil::SupersetDfa::Cache cache;
  const bool one = dfa->may_match(text, cache);
  std::vector<std::string_view> texts{text, text.substr(0, text.size() / 2), "",
                                      text.substr(text.size() / 3),
                                      text.substr(1 % (text.size() + 1))};
  std::vector<uint8_t> maybe;
  dfa->may_match(texts, maybe, cache);
  FUZZ_CHECK(maybe.size() == texts.size());
  FUZZ_CHECK((maybe[0] != 0) == one || cache.full());
  for (size_t i = 0; i < texts.size(); ++i) {
    const re2::StringPiece piece(texts[i].data(), texts[i].size());
    FUZZ_CHECK(maybe[i] != 0 || !RE2::PartialMatch(piece, re));
  }
  return 0;
}
