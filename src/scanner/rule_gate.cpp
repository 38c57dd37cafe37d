#include "scanner/rule_gate.hpp"

#include <algorithm>

namespace veil {

namespace {

// A keyword of one byte (":", "-", ".") is in most texts: the keyword
// prefilter lets the rule through nearly everywhere. (With the rules whose
// keywords have up to three bytes, 75 instead of 22, the set took 240 ms
// to compile and its DFA a few hundred more to warm up.)
constexpr size_t k_short_keyword = 1;
// Larger programs (Unicode classes: the email rule) make the set's DFA
// states large and many.
constexpr int k_max_program = 5000;

bool frequent(const RuleSpec& spec) {
  return spec.keywords.empty() ||
         std::any_of(
             spec.keywords.begin(), spec.keywords.end(),
             [](const std::string& k) { return k.size() <= k_short_keyword; });
}

bool is_of_kind(const RuleSpec& spec, RuleGate::Kind kind) {
  if (spec.context.required) {
    return false; // the context gate already keeps it from most texts
  }
  return kind == RuleGate::Kind::frequent
             ? frequent(spec)
             : !frequent(spec) && spec.category == "injection";
}

} // namespace

RuleGate::RuleGate(const std::vector<std::unique_ptr<CompiledRule>>& rules,
                   Kind kind)
    : m_rules(rules), m_kind(kind) {
  for (const auto& rule : rules) {
    m_of_kind.push_back(is_of_kind(rule->spec(), kind) &&
                        !rule->finds_nothing());
  }
}

bool RuleGate::warm_up(size_t text_bytes, bool wants) const {
  // Once warm, a load: no write to a line the workers share.
  // The phrase set takes 16 ms to build, and a long prompt runs its
  // 30-odd phrase rules one by one in about 2.5: six 50 KB prompts pay for
  // it, where the frequent set (2.5 ms) waits for a full k_warm_bytes.
  const uint64_t warm =
      m_kind == Kind::frequent ? k_warm_bytes : k_warm_bytes / 4;
  if (m_bytes_seen.load(std::memory_order_relaxed) < warm &&
      m_bytes_seen.fetch_add(text_bytes, std::memory_order_relaxed) +
              text_bytes <
          warm) {
    return false;
  }
  if (!wants) {
    return false;
  }
  build_now();
  return true;
}

void RuleGate::build_now() const {
  std::call_once(m_built, [this] { build(); });
}

void RuleGate::build() const {
  m_gated.assign(m_rules.size(), 0);
  RE2::Options options; // as compiled_rule.cpp compiles each rule
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  auto set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  std::vector<std::string> patterns;
  for (const auto& rule : m_rules) {
    if (!of_kind(rule->index()) || rule->program_size() > k_max_program ||
        set->Add(rule->finding_pattern(), nullptr) < 0) {
      continue;
    }
    m_gated[rule->index()] = 1;
    m_set_rules.push_back(uint32_t(rule->index()));
    patterns.push_back(rule->finding_pattern());
  }
  if (m_set_rules.empty() || !set->Compile()) {
    m_gated.assign(m_rules.size(), 0);
    m_set_rules.clear();
  } else {
    m_set = std::move(set);
    build_screen(patterns);
  }
  m_ready.store(true, std::memory_order_release);
}

// The phrase set's patterns are case-insensitive words in the hundreds: a
// DFA of them all grows large, and RE2 walks each long text once anyway.
void RuleGate::build_screen(const std::vector<std::string>& patterns) const {
  if (m_kind != Kind::frequent) {
    return;
  }
  std::vector<std::string> supersets;
  for (const std::string& pattern : patterns) {
    std::optional<std::string> superset =
        byte_superset(pattern, SupersetDfa::k_form);
    if (!superset) {
      return;
    }
    supersets.push_back(std::move(*superset));
  }
  m_screen = SupersetDfa::build(supersets);
}

void RuleGate::screen(std::span<const std::string_view> texts,
                      Scratch& scratch) const {
  if (m_screen == nullptr) {
    scratch.maybe.assign(texts.size(), 1);
    return;
  }
  // No UTF-8 check first: RE2 reads a non-ASCII character as one to four
  // bytes of 0x80-0xFF, as the supersets do (superset_dfa_test puts
  // invalid UTF-8 through every rule).
  m_screen->may_match(texts, scratch.maybe, scratch.screen);
}

void RuleGate::begin(Scratch& scratch) const {
  if (scratch.ran) {
    for (int hit : scratch.hits) {
      scratch.matched[m_set_rules[size_t(hit)]] = 0;
    }
    scratch.hits.clear();
  }
  scratch.ran = false;
}

bool RuleGate::run(std::string_view text, std::vector<int>& hits) const {
  const re2::StringPiece piece(text.data(), text.size());
  RE2::Set::ErrorInfo error{};
  // Nearly every text matches none. Asked only whether one matches, the
  // set allocates no list of matches and stops at the first; a text that
  // has one is then read again for all.
  if (!m_set->Match(piece, nullptr, &error)) {
    hits.clear();
    return error.kind == RE2::Set::kNoError;
  }
  return m_set->Match(piece, &hits, &error) || error.kind == RE2::Set::kNoError;
}

void RuleGate::load(Scratch& scratch, std::span<const int> hits,
                    bool decided) const {
  scratch.ran = true;
  scratch.decided = decided;
  scratch.hits.assign(hits.begin(), hits.end());
  mark(scratch);
}

void RuleGate::mark(Scratch& scratch) const {
  scratch.matched.resize(m_rules.size());
  for (int hit : scratch.hits) {
    scratch.matched[m_set_rules[size_t(hit)]] = 1;
  }
}

bool RuleGate::may_match(std::string_view text, size_t rule,
                         Scratch& scratch) const {
  if (!scratch.ran) {
    scratch.ran = true;
    screen(std::span<const std::string_view>(&text, 1), scratch);
    scratch.hits.clear();
    scratch.decided = scratch.maybe[0] == 0 || run(text, scratch.hits);
    mark(scratch);
  }
  return !scratch.decided || scratch.matched[rule] != 0;
}

} // namespace veil
