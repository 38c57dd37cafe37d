// A RuleSpec made ready to run: its RE2 regex and allow patterns compiled,
// its validator looked up, its direction parsed. Built once at start-up and
// shared by every worker thread. A built-in rule's regexes are compiled on
// first use (thread-safe): compiling all of them takes half a second, and a
// pre-commit run on one file needs few. What the scanner reads from the
// regex itself (anchors, barriers, counts, the finding pattern) is worked
// out apart, also on first use: a rule the candidate filter picks often
// has no window to search in a text, and then RE2 need not compile it.
// Until it has compiled, a search first asks the regex's byte superset,
// cheaper to compile; and its first matches are found without the reverse
// program RE2 would compile for them (compiled_rule.cpp says how).
#pragma once

#include "core/once_flag.hpp"
#include "core/record.hpp"
#include "rules/rule_spec.hpp"
#include "scanner/anchor_windows.hpp"
#include "scanner/barrier_segments.hpp"
#include "scanner/validators.hpp"

#include <re2/re2.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

namespace veil {

class CompiledRule {
public:
  // The scanner asks RE2 for captures in a fixed array on the stack.
  static constexpr int k_max_group = 9;

  // Throws RuleError "FILE:LINE:COL: rule ID: regex: <RE2 error>" (for a
  // built-in rule, on first use).
  CompiledRule(RuleSpec spec, size_t index);
  // Not copyable: RE2 objects are expensive and the rule set hands out
  // pointers to its rules.
  CompiledRule(const CompiledRule&) = delete;
  CompiledRule& operator=(const CompiledRule&) = delete;

  const RuleSpec& spec() const { return m_spec; }
  size_t index() const { return m_index; }
  const RE2& regex() const {
    compile();
    return *m_regex;
  }
  bool compiled() const { return m_compiled.done(); }
  // RE2's ProgramSize() of the regex: the spec's when it has one (built-in
  // rules), else from compiling the regex.
  int program_size() const;
  // ProgramSize() of a regex compiled as a rule's is (0: it does not
  // compile).
  static int program_size_of(const std::string& regex);
  int group() const { return m_spec.group; }
  // The next match in text[from, to) (RE2 sees all of text as context):
  // regex().Match(text, from, to, UNANCHORED, groups, group() + 1) for
  // groups[0] and groups[group()]. Once the rule has matched
  // matches_before_check() times, a match that its finding pattern
  // (finding_pattern.hpp) does not match from end to end is a decoy: its
  // groups are not extracted and groups[group()] is left unset.
  bool match(re2::StringPiece text, size_t from, size_t to,
             re2::StringPiece* groups) const;
  uint32_t matches_before_check() const {
    compile();
    return m_check_after;
  }
  // The finding pattern, or the regex when it has no decoy branches: it
  // matches somewhere in every text where the rule can give a finding.
  const std::string& finding_pattern() const {
    analyze();
    return m_finding_pattern.empty() ? m_spec.regex : m_finding_pattern;
  }
  // The digits or non-ASCII bytes every match holds (see anchor_windows.hpp).
  const AnchorNeed& anchor_need() const {
    analyze();
    return m_anchor_need;
  }
  // The bytes no match holds and what a finding needs (see
  // barrier_segments.hpp).
  const SegmentNeed& segment_need() const {
    analyze();
    return m_segment_need;
  }
  // What every match that can give a finding holds: min_counts() of the
  // regex and group (the candidate filter's counts).
  const MinCounts& finding_counts() const {
    analyze();
    return m_finding_counts;
  }
  // Whether the finding pattern's byte superset, when the rule has one
  // (match() asks it until the regex has compiled), finds nothing in
  // text[from, to), so that the rule gives no finding there.
  bool superset_rules_out(re2::StringPiece text, size_t from, size_t to) const;
  bool reports_only() const { return m_spec.style == "none"; }
  bool applies_to(Direction d) const;
  // Its validator rejects every value: the rule holds a place for findings
  // made elsewhere (injection.risk's, by the injection scorer), so running
  // its regex can only cost time.
  bool finds_nothing() const { return m_finds_nothing; }
  enum class Verdict { drop, keep, keep_unverified };
  // Validator, entropy and allow-list checks on the finding's text;
  // keep_unverified: the validator failed but the rule only scores with it.
  // On drop, *stage (when given) names the check that failed.
  Verdict judge(std::string_view value, const char** stage = nullptr) const;
  bool accepts(std::string_view value) const {
    return judge(value) != Verdict::drop;
  }

private:
  void compile() const {
    m_compiled.call([this] { compile_now(); });
  }
  void compile_now() const;
  // The allow regexes, on the first value judged: most rules that compile
  // find nothing, and two generic secret rules' allow lists took 1.7 ms of
  // a 1 MB run.
  void compile_allow() const;
  void analyze() const {
    m_analyzed.call([this] { analyze_now(); });
  }
  void analyze_now() const;

  RuleSpec m_spec;
  size_t m_index;
  mutable OnceFlag m_compiled;
  mutable OnceFlag m_analyzed;
  mutable std::unique_ptr<RE2> m_regex;
  // The finding pattern (empty: no decoy branches), its regex once built
  // (nullptr when it does not compile), and the matches counted until then.
  mutable std::string m_finding_pattern;
  mutable uint32_t m_check_after = 0;
  mutable OnceFlag m_finding_built;
  mutable std::unique_ptr<RE2> m_finding;
  mutable std::atomic<uint32_t> m_matches{0};
  const RE2* finding_regex() const;
  mutable OnceFlag m_superset_built;
  mutable std::unique_ptr<RE2> m_superset; // nullptr: none
  // What is left of the bytes that anchored tries may walk before RE2 gets
  // its reverse program (match_unreversed); set on compiling.
  mutable std::atomic<int64_t> m_unreversed_budget{0};
  bool match_unreversed(const RE2& re, re2::StringPiece text, size_t from,
                        size_t to, re2::StringPiece* groups) const;
  mutable AnchorNeed m_anchor_need;
  mutable SegmentNeed m_segment_need;
  mutable MinCounts m_finding_counts;
  mutable OnceFlag m_allow_built;
  mutable std::vector<std::unique_ptr<RE2>> m_allow;
  ValidatorFn m_validator = nullptr;
  Direction m_direction = Direction::unknown; // unknown: any
  bool m_finds_nothing = false;
};

} // namespace veil
