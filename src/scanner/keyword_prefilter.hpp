// The cheap first pass of the scanner: one Aho-Corasick walk over a text,
// case-insensitive for ASCII, tells which rules have one of their keywords
// in it. Only those rules (plus rules without keywords) run their regex.
// Built once; immutable and shared by all workers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace veil {

class KeywordPrefilter {
public:
  // keywords[i] lists the keywords of rule i (lowercase); empty: always runs.
  explicit KeywordPrefilter(
      const std::vector<std::vector<std::string>>& keywords);

  // Sets candidates[i] for every rule i that should run on text.
  void candidates(std::string_view text, std::vector<uint8_t>& out) const;

private:
  struct State {
    int32_t next[256];
    int32_t fail = 0;
    std::vector<uint32_t> rules; // rules with a keyword ending here
  };
  void add_keyword(const std::string& keyword, uint32_t rule);
  void build_links();

  std::vector<State> m_states;
  std::vector<uint32_t> m_always; // rules without keywords
  size_t m_rule_count = 0;
};

} // namespace veil
