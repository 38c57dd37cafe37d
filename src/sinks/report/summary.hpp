// Counters for one run, filled from the same Finding stream as the reports.
// Maps are ordered so every report lists them in a stable order.
#pragma once

#include "core/finding.hpp"

#include <cstdint>
#include <map>
#include <string>

namespace veil {

struct Summary {
  uint64_t files = 0;
  uint64_t records = 0;
  uint64_t bytes = 0;
  uint64_t findings = 0;
  uint64_t redacted = 0; // findings replaced in the output
  uint64_t errors = 0;   // lines that could not be processed
  // Findings a baseline, .veilignore or inline marker vouched for: not
  // reported, never failing the run (still redacted by redact).
  uint64_t suppressed = 0;
  double elapsed_seconds = 0;
  std::map<std::string, uint64_t> by_rule;
  std::map<std::string, uint64_t> by_severity;
  std::map<std::string, uint64_t> by_entity;
  std::map<std::string, uint64_t> by_field; // pointer with indices as "*"

  void add(const Finding& f);
  // A finding the run leaves out of the report (baseline/suppressor.hpp).
  void suppress(const Finding& f);
  // Adds another run's counters (veil merge of shard reports). Elapsed
  // times add up too: the total work, not the wall time of parallel shards.
  void merge(const Summary& other);
};

// "/messages/3/content" -> "/messages/*/content": fields are counted by shape.
std::string field_shape(const std::string& pointer);

} // namespace veil
