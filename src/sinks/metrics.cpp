#include "sinks/metrics.hpp"

#include "reader/chat_shapes.hpp"

namespace veil {

namespace {

void family(std::ostream& out, std::string_view name, std::string_view type,
            std::string_view help) {
  out << "# HELP " << name << ' ' << help << '\n';
  out << "# TYPE " << name << ' ' << type << '\n';
}

void counter(std::ostream& out, std::string_view name, std::string_view help,
             uint64_t value) {
  family(out, name, "counter", help);
  out << name << ' ' << value << '\n';
}

} // namespace

std::string metric_label_value(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

void MetricsCounter::add(const Finding& f) {
  std::string direction(to_string(direction_of_role(f.role)));
  ++m_findings[Key{f.rule, f.entity, std::string(to_string(f.severity)),
                   direction}];
}

void MetricsCounter::write(std::ostream& out, const Summary& summary,
                           const policy::PolicyCounters& policy) const {
  counter(out, "veil_files_total", "Inputs read.", summary.files);
  counter(out, "veil_records_total", "Records (lines) read.", summary.records);
  counter(out, "veil_bytes_total", "Bytes read, line terminators included.",
          summary.bytes);
  family(out, "veil_findings_total", "counter",
         "Findings by rule, entity, severity and direction.");
  for (const auto& [key, count] : m_findings) {
    const auto& [rule, entity, severity, direction] = key;
    out << "veil_findings_total{rule=\"" << metric_label_value(rule)
        << "\",entity=\"" << metric_label_value(entity) << "\",severity=\""
        << severity << "\",direction=\"" << direction << "\"} " << count
        << '\n';
  }
  counter(out, "veil_redacted_total", "Findings replaced in the output.",
          summary.redacted);
  counter(out, "veil_dropped_fields_total",
          "Fields cut out by the policy (drop, allow mode).",
          policy.dropped_fields);
  family(out, "veil_policy_fields_total", "counter",
         "Whole values replaced by a policy field rule, by action.");
  out << "veil_policy_fields_total{action=\"redact_all\"} "
      << policy.redacted_fields << '\n';
  out << "veil_policy_fields_total{action=\"hash\"} " << policy.hashed_fields
      << '\n';
  out << "veil_policy_fields_total{action=\"truncate\"} "
      << policy.truncated_fields << '\n';
  counter(out, "veil_rejected_records_total",
          "Records kept out of the output by a record rule or allow mode.",
          policy.rejected_records);
  counter(out, "veil_errors_total", "Lines or inputs that failed.",
          summary.errors);
  family(out, "veil_run_seconds", "gauge", "Wall time of the run.");
  out << "veil_run_seconds " << summary.elapsed_seconds << '\n';
}

} // namespace veil
