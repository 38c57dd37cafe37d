#include "policy/policy_stage.hpp"

#include <iostream>

namespace veil::policy {

PolicyWorker::PolicyWorker(const PolicyRunOptions& options) {
  if (options.policy != nullptr && options.policy->has_field_rules()) {
    m_planner.emplace(*options.policy);
  }
}

void PolicyWorker::plan(Record& record, RecordPlan& plan) {
  if (m_planner) {
    m_planner->plan(record, plan);
  } else {
    plan.clear();
  }
}

PolicyStage::PolicyStage(const PolicyRunOptions& options, Output* out)
    : m_options(options), m_out(out) {
  if (options.policy != nullptr) {
    m_applier.emplace(*options.policy);
  }
  if (!options.rejects.empty() && !options.test) {
    // Rejected lines are the ones a team chose not to keep: owner-only.
    m_rejects = std::make_unique<Output>(options.rejects, 0600);
  }
  if (!options.split_dir.empty() && !options.test) {
    m_split = std::make_unique<SplitOutputs>(options.split_dir);
  }
}

PolicyStage::~PolicyStage() = default;

Output* PolicyStage::destination(const Record& record) {
  if (m_split) {
    return &m_split->for_segment(record.segment, record.has_segment);
  }
  return m_out;
}

void PolicyStage::record(const Record& record, const RecordPlan& plan,
                         const std::vector<Finding>& findings,
                         std::vector<TokenEdit>& edits, std::string_view raw,
                         const std::string& file, const Replacer& replace) {
  for (const Finding& f : findings) {
    m_metrics.add(f);
  }
  std::string reject =
      m_applier ? m_applier->reject_reason(plan, findings) : std::string();
  if (m_options.test) {
    print_changes(record, plan, findings, file, reject);
  }
  if (!reject.empty()) {
    ++m_counters.rejected_records;
    if (m_rejects) {
      m_rejects->write(raw);
    }
    return;
  }
  if (m_applier) {
    m_applier->add_edits(plan, replace, edits, m_counters);
  }
  Output* out = destination(record);
  if (out == nullptr || m_options.test) {
    return;
  }
  if (edits.empty()) {
    out->write(raw);
    return;
  }
  m_line.assign(record.bom);
  rewrite_line(record.content, edits, m_line);
  m_line.append(record.terminator);
  out->write(m_line);
}

// One line per change, never a value: pointers, rule ids and sizes only.
void PolicyStage::print_changes(const Record& record, const RecordPlan& plan,
                                const std::vector<Finding>& findings,
                                const std::string& file,
                                const std::string& reject) {
  std::string where = file + ":" + std::to_string(record.line) + ": ";
  if (!reject.empty()) {
    std::cout << where << "reject: " << reject << '\n';
    return;
  }
  for (const std::string& p : plan.dropped_pointers) {
    std::cout << where << "drop " << p << '\n';
  }
  for (const Directive& d : plan.directives) {
    std::cout << where << to_string(d.rule->action) << ' ' << d.pointer;
    if (d.rule->action == FieldAction::truncate) {
      std::cout << " to " << d.rule->truncate << " bytes";
    }
    std::cout << '\n';
  }
  for (const Finding& f : findings) {
    if (f.action != "redacted") {
      continue;
    }
    std::cout << where << "redact " << (f.path.empty() ? "(line)" : f.path)
              << ' ' << f.rule << " -> "
              << (f.replacement.empty() ? "(removed)" : f.replacement) << '\n';
  }
}

void PolicyStage::finish(const Summary& summary) {
  if (m_rejects) {
    m_rejects->finish();
  }
  if (m_split) {
    m_split->finish();
  }
  if (!m_options.metrics.empty()) {
    Output metrics(m_options.metrics);
    m_metrics.write(metrics.stream(), summary, m_counters);
    metrics.stream().flush();
    metrics.finish();
  }
}

} // namespace veil::policy
