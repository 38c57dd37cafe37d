#include "scanner/compiled_rule.hpp"

#include "core/errors.hpp"
#include "scanner/entropy.hpp"

namespace veil {

namespace {

std::unique_ptr<RE2> compile_regex(const RuleSpec& spec, const std::string& key,
                                   const std::string& pattern) {
  RE2::Options options;
  options.set_log_errors(false);
  // Secrets and private keys can be long; the default 8 MiB DFA budget is
  // shared by all threads using this RE2 object.
  options.set_max_mem(64 << 20);
  auto re = std::make_unique<RE2>(pattern, options);
  if (!re->ok()) {
    throw RuleError(spec.where(key).format() + ": rule " + spec.id + ": " +
                    key + ": " + re->error());
  }
  return re;
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
  if (!m_spec.builtin) {
    compile();
  }
  if (!m_spec.validator.empty()) {
    m_validator = find_validator(m_spec.validator);
    if (m_validator == nullptr) {
      throw RuleError(m_spec.where("validator").format() + ": rule " +
                      m_spec.id + ": unknown validator \"" + m_spec.validator +
                      "\"");
    }
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
  m_regex = compile_regex(m_spec, "regex", m_spec.regex);
  if (m_spec.group > m_regex->NumberOfCapturingGroups()) {
    throw RuleError(m_spec.where("group").format() + ": rule " + m_spec.id +
                    ": group " + std::to_string(m_spec.group) +
                    " but the regex has " +
                    std::to_string(m_regex->NumberOfCapturingGroups()));
  }
  for (const std::string& allow : m_spec.allow) {
    m_allow.push_back(compile_regex(m_spec, "allow", allow));
  }
  if (std::optional<RegexShape> shape =
          regex_shape(m_spec.regex, m_spec.group)) {
    m_anchor_need = AnchorNeed::of(*shape);
    m_segment_need = SegmentNeed::of(*shape);
  }
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
  compile();
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
