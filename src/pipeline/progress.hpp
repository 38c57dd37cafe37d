// The progress line of long runs, on stderr. On a terminal one line is
// redrawn in place with \r at most four times a second and cleared at the
// end; into a file or pipe (--progress) whole lines are written at most once
// a second, for logs. The ordered stage calls update() once per batch, so
// the clock is read once per batch (up to 4096 lines), never per record.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>

namespace veil {

struct ProgressCounts {
  uint64_t bytes = 0;
  uint64_t records = 0;
  uint64_t findings = 0;
};

// "12.5 MB / 80.0 MB (15%), 41,200 records (20,600/s), 6.2 MB/s,
// 37 findings, ETA 0:11". total_bytes is known for regular files only;
// without it there is no share and no ETA.
std::string format_progress(const ProgressCounts& counts,
                            std::optional<uint64_t> total_bytes,
                            double elapsed_seconds);

// "1.5 kB", "12.5 MB", "3.1 GB": decimal units, one decimal.
std::string format_bytes(uint64_t bytes);
// "41,200": thousands separated, whatever the locale.
std::string format_count(uint64_t n);

class ProgressMeter {
public:
  using Clock = std::chrono::steady_clock;
  enum class Mode { terminal, lines };

  ProgressMeter(std::ostream& err, Mode mode,
                std::optional<uint64_t> total_bytes);

  void update(const ProgressCounts& counts) { update(counts, Clock::now()); }
  void update(const ProgressCounts& counts, Clock::time_point now);
  // Clears a drawn terminal line, before other text goes to stderr; the
  // next update draws it again.
  void suspend();
  // Terminal: clears the line. Lines: writes the final counts.
  void finish(const ProgressCounts& counts);

private:
  void draw(const ProgressCounts& counts, Clock::time_point now);

  std::ostream& m_err;
  Mode m_mode;
  std::optional<uint64_t> m_total;
  Clock::time_point m_started;
  Clock::time_point m_last;
  bool m_drawn = false; // a terminal line is on screen
};

} // namespace veil
