// Builders for scanner tests: rules from RuleSpec structs (never from the
// built-in packs, which change) and records with hand-made fields.
#pragma once

#include "core/finding.hpp"
#include "core/record.hpp"
#include "rules/rule_spec.hpp"
#include "scanner/compiled_rule.hpp"

#include <deque>
#include <mutex>
#include <ostream>
#include <string>
#include <vector>

namespace veil::test {

inline RuleSpec make_rule(std::string id, std::string regex,
                          Severity severity = Severity::medium,
                          std::string entity = "TEST_ENTITY") {
  RuleSpec spec;
  spec.id = std::move(id);
  spec.entity = std::move(entity);
  spec.category = "pii";
  spec.severity = severity;
  spec.regex = std::move(regex);
  return spec;
}

// Field texts are views: the texts of the tests' fields live here, to the
// end of the run.
inline std::string_view kept_text(std::string text) {
  static std::mutex mutex;
  static std::deque<std::string> texts;
  std::lock_guard lock(mutex);
  return texts.emplace_back(std::move(text));
}

inline Field make_field(std::string text, std::string pointer = "",
                        Direction direction = Direction::unknown) {
  Field f;
  f.pointer = kept_text(std::move(pointer));
  f.text = kept_text(std::move(text));
  f.raw_end = static_cast<uint32_t>(f.text.size());
  f.direction = direction;
  return f;
}

inline Record make_record(std::vector<Field> fields) {
  Record r;
  for (Field& f : fields) {
    r.fields.push_back(std::move(f));
  }
  return r;
}

// Every example of the rules (match and no-match) as a user message field.
inline std::vector<Field> example_fields(const std::vector<RuleSpec>& rules) {
  std::vector<Field> fields;
  for (const RuleSpec& spec : rules) {
    for (const auto* examples :
         {&spec.examples_match, &spec.examples_no_match}) {
      for (const std::string& example : *examples) {
        fields.push_back(make_field(example, "/messages/0/content"));
      }
    }
  }
  return fields;
}

// A match as tests compare it: which rule, where.
struct MatchView {
  std::string rule;
  uint32_t field = 0;
  uint32_t start = 0;
  uint32_t end = 0;

  bool operator==(const MatchView&) const = default;
};

inline std::ostream& operator<<(std::ostream& os,
                                const std::vector<MatchView>& v) {
  for (const MatchView& m : v) {
    os << "{" << m.rule << " f" << m.field << " [" << m.start << "," << m.end
       << ")} ";
  }
  return os;
}

inline std::vector<MatchView> views(const std::vector<Match>& matches) {
  std::vector<MatchView> out;
  for (const Match& m : matches) {
    out.push_back(MatchView{m.rule->spec().id, m.field, m.start, m.end});
  }
  return out;
}

} // namespace veil::test
