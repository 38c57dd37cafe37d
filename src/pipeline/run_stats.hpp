// --stats: where a run's time went, printed on stderr at the end. Each
// stage adds its own time once per batch (the ordered stage's writes once
// per record), and only when --stats is on, so the hot path pays nothing
// otherwise.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace veil {

struct RunStats {
  double wall_seconds = 0;
  double read_seconds = 0;   // reading thread: source, decompression, lines
  double scan_seconds = 0;   // workers, summed: JSON parsing and the rules
  double redact_seconds = 0; // ordered stage: findings, labels, rewriting,
                             // report (its writes included)
  double write_seconds = 0;  // ordered stage: the redacted stream's writes
  uint64_t records = 0;
  uint64_t bytes = 0;
  uint64_t findings = 0;
  size_t threads = 1;
};

// The summary block, one "veil: stats: ..." line per item.
std::string format_stats(const RunStats& stats);

// Adds the time from construction to destruction to a counter.
class StageTimer {
public:
  explicit StageTimer(double* into)
      : m_into(into), m_start(into ? std::chrono::steady_clock::now()
                                   : std::chrono::steady_clock::time_point()) {}
  ~StageTimer() {
    if (m_into) {
      *m_into += std::chrono::duration<double>(
                     std::chrono::steady_clock::now() - m_start)
                     .count();
    }
  }
  StageTimer(const StageTimer&) = delete;
  StageTimer& operator=(const StageTimer&) = delete;

private:
  double* m_into;
  std::chrono::steady_clock::time_point m_start;
};

// Adds up the time between start() and stop() calls; does nothing (reads
// no clock) without a counter.
class Stopwatch {
public:
  explicit Stopwatch(double* into) : m_into(into) {}
  ~Stopwatch() { stop(); }
  Stopwatch(const Stopwatch&) = delete;
  Stopwatch& operator=(const Stopwatch&) = delete;

  void start() {
    if (m_into) {
      m_start = std::chrono::steady_clock::now();
      m_running = true;
    }
  }
  void stop() {
    if (m_running) {
      *m_into += std::chrono::duration<double>(
                     std::chrono::steady_clock::now() - m_start)
                     .count();
      m_running = false;
    }
  }

private:
  double* m_into;
  std::chrono::steady_clock::time_point m_start;
  bool m_running = false;
};

} // namespace veil
