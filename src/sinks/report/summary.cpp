#include "sinks/report/summary.hpp"

namespace veil {

namespace {

bool is_index(std::string_view segment) {
  if (segment.empty()) {
    return false;
  }
  for (const char c : segment) {
    if (c < '0' || c > '9') {
      return false;
    }
  }
  return true;
}

} // namespace

void Summary::add(const Finding& f) {
  ++findings;
  if (f.action == "redacted") {
    ++redacted;
  }
  ++by_rule[f.rule];
  ++by_severity[std::string(to_string(f.severity))];
  ++by_entity[f.entity];
  ++by_field[field_shape(f.path)];
}

void Summary::suppress(const Finding& f) {
  ++suppressed;
  if (f.action == "redacted") {
    ++redacted; // still replaced in the output
  }
}

void Summary::merge(const Summary& other) {
  files += other.files;
  records += other.records;
  bytes += other.bytes;
  findings += other.findings;
  redacted += other.redacted;
  errors += other.errors;
  suppressed += other.suppressed;
  elapsed_seconds += other.elapsed_seconds;
  const auto add_counts = [](std::map<std::string, uint64_t>& into,
                             const std::map<std::string, uint64_t>& from) {
    for (const auto& [key, count] : from) {
      into[key] += count;
    }
  };
  add_counts(by_rule, other.by_rule);
  add_counts(by_severity, other.by_severity);
  add_counts(by_entity, other.by_entity);
  add_counts(by_field, other.by_field);
}

std::string field_shape(const std::string& pointer) {
  std::string out;
  out.reserve(pointer.size());
  size_t pos = 0;
  while (pos < pointer.size()) {
    // Each segment runs from a '/' to the next one; a pointer that does not
    // start with '/' has a first segment without one.
    const size_t slash = pointer.find('/', pos + 1);
    const size_t end = slash == std::string::npos ? pointer.size() : slash;
    const bool lead = pointer[pos] == '/';
    const std::string_view segment(pointer.data() + pos + (lead ? 1 : 0),
                                   end - pos - (lead ? 1 : 0));
    if (lead) {
      out += '/';
    }
    if (is_index(segment)) {
      out += '*';
    } else {
      out += segment;
    }
    pos = end;
  }
  return out;
}

} // namespace veil
