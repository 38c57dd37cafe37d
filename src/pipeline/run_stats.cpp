#include "pipeline/run_stats.hpp"

#include "pipeline/progress.hpp"

#include <cstdio>

namespace veil {

namespace {

std::string seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f s", s);
  return buf;
}

// The stage's share of the wall time; the scan stage can pass 100 % since
// its workers run side by side.
std::string share(double part, double wall) {
  if (wall <= 0) {
    return "";
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, " (%.0f%% of wall)", 100 * part / wall);
  return buf;
}

std::string rate(double amount, double wall, const char* unit) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.1f %s", wall > 0 ? amount / wall : 0.0,
                unit);
  return buf;
}

} // namespace

std::string format_stats(const RunStats& s) {
  const double wall = s.wall_seconds;
  std::string out;
  const auto line = [&out](const std::string& text) {
    out += "veil: stats: " + text + "\n";
  };
  line(format_count(s.records) + " records, " + format_bytes(s.bytes) + ", " +
       format_count(s.findings) + " findings, " + std::to_string(s.threads) +
       (s.threads == 1 ? " thread" : " threads"));
  line("wall   " + seconds(wall) + ", " + rate(s.bytes / 1e6, wall, "MB/s") +
       ", " + rate(static_cast<double>(s.records), wall, "records/s"));
  line("read   " + seconds(s.read_seconds) + share(s.read_seconds, wall) +
       ": input, decompression, line splitting");
  line("scan   " + seconds(s.scan_seconds) + share(s.scan_seconds, wall) +
       ": JSON parsing and rules, summed over threads");
  line("redact " + seconds(s.redact_seconds) + share(s.redact_seconds, wall) +
       ": findings, labels, line rewriting, report");
  line("write  " + seconds(s.write_seconds) + share(s.write_seconds, wall) +
       ": redacted output (part of redact)");
  return out;
}

} // namespace veil
