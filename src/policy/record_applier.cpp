#include "policy/record_applier.hpp"

#include "reader/chat_shapes.hpp"

#include <algorithm>

namespace veil::policy {

namespace {

TokenEdit* edit_at(std::vector<TokenEdit>& edits, size_t n, uint32_t begin) {
  for (size_t i = 0; i < n; ++i) {
    if (edits[i].raw_begin == begin) {
      return &edits[i];
    }
  }
  return nullptr;
}

} // namespace

std::string
RecordApplier::reject_reason(const RecordPlan& plan,
                             const std::vector<Finding>& findings) const {
  if (plan.reject != nullptr) {
    return plan.reject;
  }
  for (const Finding& f : findings) {
    const RecordRule* rule = m_policy.reject_rule(
        f.rule, f.entity, f.category, f.severity, direction_of_role(f.role));
    if (rule != nullptr) {
      return rule->reason.empty()
                 ? f.rule + " (" + std::string(to_string(f.severity)) + ")"
                 : rule->reason;
    }
  }
  return "";
}

void RecordApplier::add_edits(const RecordPlan& plan, const Replacer& replace,
                              std::vector<TokenEdit>& edits,
                              PolicyCounters& counters) const {
  counters.dropped_fields += plan.dropped_fields;
  size_t findings_edits = edits.size();
  for (const Directive& d : plan.directives) {
    TokenEdit edit{d.raw_begin, d.raw_end, "", true};
    switch (d.rule->action) {
    case FieldAction::truncate:
      ++counters.truncated_fields;
      // Findings redacted the whole value: cut their text instead, so that
      // no value is cut in two before it is found.
      if (TokenEdit* found = edit_at(edits, findings_edits, d.raw_begin)) {
        if (found->text.size() > d.rule->truncate) {
          found->text =
              std::string(utf8_prefix(found->text, d.rule->truncate)) +
              d.rule->marker;
        }
        continue;
      }
      edit.text = d.text;
      break;
    case FieldAction::hash:
      ++counters.hashed_fields;
      edit.text = replace(Style::hash, d.rule->entity, d.text);
      break;
    default:
      ++counters.redacted_fields;
      edit.text =
          replace(d.rule->style.value_or(Style::label), d.rule->entity, d.text);
      break;
    }
    edits.push_back(std::move(edit));
  }
  edits.insert(edits.end(), plan.removals.begin(), plan.removals.end());
  if (edits.size() != findings_edits) {
    std::stable_sort(edits.begin(), edits.end(),
                     [](const TokenEdit& a, const TokenEdit& b) {
                       return a.raw_begin < b.raw_begin;
                     });
  }
}

} // namespace veil::policy
