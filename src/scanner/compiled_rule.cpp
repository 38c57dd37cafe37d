#include "scanner/compiled_rule.hpp"

#include "core/errors.hpp"
#include "scanner/byte_superset.hpp"
#include "scanner/entropy.hpp"
#include "scanner/finding_pattern.hpp"

#include <algorithm>
#include <cctype>

namespace veil {

namespace {

RE2::Options regex_options() {
  RE2::Options options;
  options.set_log_errors(false);
  // Secrets and private keys can be long; the default 8 MiB DFA budget is
  // shared by all threads using this RE2 object.
  options.set_max_mem(64 << 20);
  return options;
}

std::unique_ptr<RE2> compile_regex(const RuleSpec& spec, const std::string& key,
                                   const std::string& pattern) {
  auto re = std::make_unique<RE2>(pattern, regex_options());
  if (!re->ok()) {
    throw RuleError(spec.where(key).format() + ": rule " + spec.id + ": " +
                    key + ": " + re->error());
  }
  return re;
}

// What RE2 compiles into large programs and a byte superset does not:
// Unicode classes (a UTF-8 automaton at each use), twice or more, and
// repeats bounded above 32 (the body copied per count). Elsewhere the
// superset's program is about as large as the regex's (pii.phone, with one
// \pL among many literals, compiles to more), and compiling both costs
// more. Read from the pattern's text: a wrong guess costs time, never a
// finding.
bool superset_pays(std::string_view regex) {
  size_t classes = 0;
  for (size_t at = regex.find("\\p"); at != std::string_view::npos;
       at = regex.find("\\p", at + 2)) {
    ++classes;
  }
  if (classes >= 2) {
    return true;
  }
  for (size_t at = regex.find('{'); at != std::string_view::npos;
       at = regex.find('{', at + 1)) {
    unsigned value = 0;
    unsigned largest = 0;
    size_t i = at + 1;
    for (; i < regex.size() &&
           (std::isdigit(static_cast<unsigned char>(regex[i])) != 0 ||
            regex[i] == ',');
         ++i) {
      value =
          regex[i] == ',' ? 0 : std::min(value * 10 + (regex[i] - '0'), 1000u);
      largest = std::max(largest, value);
    }
    if (i < regex.size() && regex[i] == '}' && largest > 32) {
      return true;
    }
  }
  return false;
}

} // namespace

CompiledRule::CompiledRule(RuleSpec spec, size_t index)
    : m_spec(std::move(spec)), m_index(index) {
  if (m_spec.group > k_max_group) {
    throw RuleError(m_spec.where("group").format() + ": rule " + m_spec.id +
                    ": group " + std::to_string(m_spec.group) +
                    " is above the highest supported, " +
                    std::to_string(k_max_group));
  }
  if (!m_spec.validator.empty()) {
    m_validator = find_validator(m_spec.validator);
    if (m_validator == nullptr) {
      throw RuleError(m_spec.where("validator").format() + ": rule " +
                      m_spec.id + ": unknown validator \"" + m_spec.validator +
                      "\"");
    }
  }
  // After the validator: compiling analyzes, which asks it.
  if (!m_spec.builtin) {
    compile(); // a user's rule with a bad regex fails the run at once
    compile_allow();
  }
  m_finds_nothing =
      m_spec.validator == "injection_risk" && m_spec.validator_mode != "score";
  if (m_spec.direction == "input") {
    m_direction = Direction::input;
  } else if (m_spec.direction == "output") {
    m_direction = Direction::output;
  }
}

void CompiledRule::compile_now() const {
  analyze(); // match() reads the finding pattern
  m_regex = compile_regex(m_spec, "regex", m_spec.regex);
  if (m_spec.group > m_regex->NumberOfCapturingGroups()) {
    throw RuleError(m_spec.where("group").format() + ": rule " + m_spec.id +
                    ": group " + std::to_string(m_spec.group) +
                    " but the regex has " +
                    std::to_string(m_regex->NumberOfCapturingGroups()));
  }
  // Compiling the finding pattern costs about what compiling the regex did
  // when the decoys are a small part of it (a person-name rule: 40M cycles,
  // the price of 65 group extractions there); a rule that rarely matches
  // never pays it, and a large one must match more often first.
  m_check_after = 64 + uint32_t(m_regex->ProgramSize()) / 16;
  // Compiling the reverse program costs about 0.7 us per instruction, the
  // DFA about 1 ns per byte: a tenth of it goes to anchored tries.
  m_unreversed_budget = int64_t(m_regex->ProgramSize()) * 64;
}

int CompiledRule::program_size_of(const std::string& regex) {
  RE2 re(regex, regex_options());
  return re.ok() ? re.ProgramSize() : 0;
}

int CompiledRule::program_size() const {
  return m_spec.program_size > 0 ? m_spec.program_size : regex().ProgramSize();
}

void CompiledRule::compile_allow() const {
  m_allow_built.call([this] {
    for (const std::string& allow : m_spec.allow) {
      m_allow.push_back(compile_regex(m_spec, "allow", allow));
    }
  });
}

void CompiledRule::analyze_now() const {
  m_finding_pattern =
      veil::finding_pattern(m_spec.regex, m_spec.group).value_or(std::string());
  if (std::optional<RegexShape> shape =
          regex_shape(m_spec.regex, m_spec.group)) {
    // A finding is a value the validator accepts: it holds the digits the
    // validator asks for, however few the regex needs ("1.24.8" and
    // "fp_eb8a0760ed" ran pii.phone's regex, the validator wants seven).
    if (m_validator != nullptr && m_spec.validator_mode != "score") {
      shape->group_need.digits = std::max(
          shape->group_need.digits, validator_min_digits(m_spec.validator));
    }
    m_anchor_need = AnchorNeed::of(*shape);
    m_segment_need = SegmentNeed::of(*shape);
    m_finding_counts = shape->group_need;
  }
}

const RE2* CompiledRule::finding_regex() const {
  if (m_finding_pattern.empty() ||
      m_matches.load(std::memory_order_relaxed) < m_check_after) {
    return nullptr;
  }
  m_finding_built.call([this] {
    auto re = std::make_unique<RE2>(m_finding_pattern, regex_options());
    if (re->ok()) {
      m_finding = std::move(re);
    }
  });
  return m_finding.get();
}

// RE2 learns where an unanchored match starts by running the regex
// backwards from its end, with a reverse program compiled on the rule's first
// match: as costly as compiling the regex (6 ms for pii.email's letter
// classes), most of a short run's time. A rule's first matches take their
// start from anchored tries instead, which need no reverse program: the
// leftmost position where an anchored match begins is where the unanchored
// match begins, and the anchored match there is the one RE2 returns (its
// highest priority). A try may walk the rest of the range, so tries stop once
// they have walked a budget of bytes, and RE2 builds its reverse program.
bool CompiledRule::match_unreversed(const RE2& re, re2::StringPiece text,
                                    size_t from, size_t to,
                                    re2::StringPiece* groups) const {
  if (!re.Match(text, from, to, RE2::UNANCHORED, nullptr, 0)) {
    return false;
  }
  size_t start = from;
  while (start < to &&
         !re.Match(text, start, to, RE2::ANCHOR_START, nullptr, 0)) {
    ++start;
  }
  m_unreversed_budget.fetch_sub(int64_t((start - from + 1) * (to - from + 1)),
                                std::memory_order_relaxed);
  return re.Match(text, start, to, RE2::ANCHOR_START, groups, m_spec.group + 1);
}

// Most rules a text's keywords pick never match in it, and a built-in rule
// compiles on its first search: on the first 4 MB of the bench corpus, 51
// of the 74 rules that compiled found nothing, and they held 63 % of the
// program instructions (the address rules, with their Unicode classes). So
// until its regex has compiled, a rule's search first runs the regex's byte
// superset (byte_superset.hpp) in RE2's Latin-1 mode, where a Unicode class
// is a byte range: the 211 built-in rules superset_pays() picks have
// supersets that compile in 13 ms, against 248 ms for their regexes. Where
// the superset finds nothing, the regex finds no finding.
bool CompiledRule::superset_rules_out(re2::StringPiece text, size_t from,
                                      size_t to) const {
  m_superset_built.call([this] {
    if (!superset_pays(m_spec.regex)) {
      return;
    }
    // Of the finding pattern: a decoy branch ("in 2019" in a street-address
    // rule) passed texts where no finding can be, and each pass compiled
    // the rule (pii.address_us_uk and pii.address_field, 10 of a 1 MB run's
    // 80 ms, on a corpus without an address).
    if (std::optional<std::string> superset =
            byte_superset(finding_pattern())) {
      RE2::Options options = regex_options();
      options.set_encoding(RE2::Options::EncodingLatin1);
      auto re = std::make_unique<RE2>(latin1_re2_pattern(*superset), options);
      if (re->ok()) {
        m_superset = std::move(re);
      }
    }
  });
  return m_superset != nullptr &&
         !m_superset->Match(text, from, to, RE2::UNANCHORED, nullptr, 0);
}

bool CompiledRule::match(re2::StringPiece text, size_t from, size_t to,
                         re2::StringPiece* groups) const {
  if (!m_compiled.done() && superset_rules_out(text, from, to)) {
    return false;
  }
  const RE2& re = regex();
  const int group = m_spec.group;
  const RE2* finding = finding_regex();
  if (finding == nullptr) {
    // Tries over a range walk at most its size squared.
    const int64_t span = int64_t(to - from + 1);
    bool found =
        span <= m_unreversed_budget.load(std::memory_order_relaxed) / span
            ? match_unreversed(re, text, from, to, groups)
            : re.Match(text, from, to, RE2::UNANCHORED, groups, group + 1);
    if (found && !m_finding_pattern.empty()) {
      m_matches.fetch_add(1, std::memory_order_relaxed);
    }
    return found;
  }
  // The same match without its groups costs RE2 its DFAs only.
  if (!re.Match(text, from, to, RE2::UNANCHORED, groups, 1)) {
    return false;
  }
  const re2::StringPiece whole = groups[0];
  const size_t start = size_t(whole.data() - text.data());
  const size_t end = start + whole.size();
  // RE2 extracts groups from exactly this anchored run once it has found
  // where a match lies, so they come out as from the unanchored search.
  if (!finding->Match(text, start, end, RE2::ANCHOR_BOTH, nullptr, 0) ||
      !re.Match(text, start, end, RE2::ANCHOR_BOTH, groups, group + 1)) {
    groups[0] = whole;
    groups[group] = re2::StringPiece();
  }
  return true;
}

bool CompiledRule::applies_to(Direction d) const {
  // Text of unknown origin gets every rule; system prompts get no
  // direction-specific rule (defensive instructions are not attacks).
  return m_direction == Direction::unknown || d == Direction::unknown ||
         d == m_direction;
}

CompiledRule::Verdict CompiledRule::judge(std::string_view value,
                                          const char** stage) const {
  const char* ignored = nullptr;
  const char*& why = stage != nullptr ? *stage : ignored;
  Verdict verdict = Verdict::keep;
  if (m_validator != nullptr && !m_validator(value)) {
    if (m_spec.validator_mode != "score") {
      why = "validator";
      return Verdict::drop;
    }
    verdict = Verdict::keep_unverified;
  }
  if (m_spec.entropy > 0 && shannon_entropy(value) < m_spec.entropy) {
    why = "entropy";
    return Verdict::drop;
  }
  compile_allow();
  for (const auto& allow : m_allow) {
    if (RE2::PartialMatch(re2::StringPiece(value.data(), value.size()),
                          *allow)) {
      why = "allow";
      return Verdict::drop;
    }
  }
  return verdict;
}

} // namespace veil
