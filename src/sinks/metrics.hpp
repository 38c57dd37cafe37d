// --metrics FILE: the run's counts in the Prometheus text exposition format
// (0.0.4), which node_exporter's textfile collector reads and OpenMetrics
// parsers accept: counters end in _total, every family has HELP and TYPE,
// label values are escaped. The file is replaced atomically, as the
// textfile collector asks, so a scrape never sees half of it.
#pragma once

#include "core/finding.hpp"
#include "policy/record_applier.hpp"
#include "sinks/report/summary.hpp"

#include <map>
#include <ostream>
#include <string>
#include <tuple>

namespace veil {

class MetricsCounter {
public:
  // Counts a finding by rule, entity, severity and direction (from its role).
  void add(const Finding& f);
  // Writes every family; seconds is the run's wall time.
  void write(std::ostream& out, const Summary& summary,
             const policy::PolicyCounters& policy) const;

private:
  using Key = std::tuple<std::string, std::string, std::string, std::string>;
  std::map<Key, uint64_t> m_findings;
};

// Escapes a label value: backslash, double quote and newline.
std::string metric_label_value(std::string_view value);

} // namespace veil
