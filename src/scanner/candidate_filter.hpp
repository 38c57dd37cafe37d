// Which rules may match a text: the scanner runs RE2 only for those.
//
// Two ways to the same answer. The keyword prefilter (Aho-Corasick) selects
// rules whose keywords occur; rules without keywords run everywhere. With
// Vectorscan, one pass over the text also tells which rules' regexes can
// match at all (each regex rewritten to a byte-level superset, see
// byte_superset.hpp), so a rule runs only when its keyword occurs and its
// regex may match. Either way RE2 decides every match, so the findings are
// identical; only the number of rules RE2 runs on differs.
//
// The Vectorscan database is built in a background thread once a run has
// scanned k_warm_bytes (or taken from the on-disk cache); until then, and
// for text that is not valid UTF-8, the keyword prefilter answers. Short
// runs (a pre-commit hook, `veil --version`) never compile anything.
// The Vectorscan path is opt-in for now: VEIL_VECTORSCAN=1 in the
// environment builds it in the background, VEIL_VECTORSCAN=sync before the
// first text is scanned. On the bench corpus the digit-driven PII rules and
// catch-all rules still reach RE2 on most texts, so it is not faster yet.
#pragma once

#include "scanner/keyword_prefilter.hpp"
#include "scanner/vectorscan_db.hpp"

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace veil {

class CandidateFilter {
public:
  struct Rule {
    std::string regex;                 // RE2 syntax
    std::vector<std::string> keywords; // lowercase; empty: none needed
  };
  static constexpr uint64_t k_warm_bytes = 1 << 20;

  explicit CandidateFilter(const std::vector<Rule>& rules);
  ~CandidateFilter();
  CandidateFilter(const CandidateFilter&) = delete;
  CandidateFilter& operator=(const CandidateFilter&) = delete;

  // Per-thread state: one per Scanner.
  class Scratch {
  private:
    friend class CandidateFilter;
    VectorscanDb::Scratch db;
    std::vector<uint8_t> keyword_ok;
    std::vector<uint8_t> regex_ok;
  };

  // Sets out[i] (sized to the rule count) for every rule i to run on text.
  void candidates(std::string_view text, Scratch& scratch,
                  std::vector<uint8_t>& out) const;

  // Builds the Vectorscan database now, in this thread, whatever the
  // environment says (tests, benchmarks). False without Vectorscan.
  bool build_now() const;

  const KeywordPrefilter& keywords() const { return m_keywords; }

private:
  struct Shared;
  void warm_up(size_t bytes) const;

  KeywordPrefilter m_keywords;
  std::shared_ptr<Shared> m_shared; // also held by the building thread
  mutable std::atomic<uint64_t> m_bytes_seen{0};
};

} // namespace veil
