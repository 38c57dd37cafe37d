#include "pipeline/progress.hpp"

#include <cstdio>

namespace veil {

namespace {

constexpr auto k_terminal_period = std::chrono::milliseconds(250);
constexpr auto k_lines_period = std::chrono::seconds(1);

// "0:07", "12:34", "1:02:03".
std::string format_duration(double seconds) {
  const auto total = static_cast<uint64_t>(seconds + 0.5);
  const uint64_t h = total / 3600;
  const uint64_t m = total / 60 % 60;
  const uint64_t s = total % 60;
  char buf[48];
  if (h > 0) {
    std::snprintf(buf, sizeof buf, "%llu:%02llu:%02llu",
                  static_cast<unsigned long long>(h),
                  static_cast<unsigned long long>(m),
                  static_cast<unsigned long long>(s));
  } else {
    std::snprintf(buf, sizeof buf, "%llu:%02llu",
                  static_cast<unsigned long long>(m),
                  static_cast<unsigned long long>(s));
  }
  return buf;
}

std::string one_decimal(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", value);
  return buf;
}

} // namespace

std::string format_bytes(uint64_t bytes) {
  constexpr const char* k_units[] = {"kB", "MB", "GB", "TB"};
  if (bytes < 1000) {
    return std::to_string(bytes) + " B";
  }
  double value = static_cast<double>(bytes) / 1000;
  size_t unit = 0;
  while (value >= 999.95 && unit + 1 < std::size(k_units)) {
    value /= 1000;
    ++unit;
  }
  return one_decimal(value) + " " + k_units[unit];
}

std::string format_count(uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) {
      out += ',';
    }
    out += digits[i];
  }
  return out;
}

std::string format_progress(const ProgressCounts& counts,
                            std::optional<uint64_t> total_bytes,
                            double elapsed_seconds) {
  const double elapsed = elapsed_seconds > 0 ? elapsed_seconds : 0;
  std::string line = format_bytes(counts.bytes);
  const bool share = total_bytes && *total_bytes > 0;
  if (share) {
    const double done =
        static_cast<double>(counts.bytes) / static_cast<double>(*total_bytes);
    line += " / " + format_bytes(*total_bytes) + " (" +
            std::to_string(static_cast<int>(done * 100)) + "%)";
  }
  const auto per_second = [&](double amount) {
    return elapsed > 0 ? amount / elapsed : 0.0;
  };
  line += ", " + format_count(counts.records) + " records (" +
          format_count(static_cast<uint64_t>(
              per_second(static_cast<double>(counts.records)))) +
          "/s), " +
          one_decimal(per_second(static_cast<double>(counts.bytes)) / 1e6) +
          " MB/s, " + format_count(counts.findings) +
          (counts.findings == 1 ? " finding" : " findings");
  const double rate = per_second(static_cast<double>(counts.bytes));
  if (share && rate > 0 && counts.bytes <= *total_bytes) {
    const double left = static_cast<double>(*total_bytes - counts.bytes);
    line += ", ETA " + format_duration(left / rate);
  }
  return line;
}

ProgressMeter::ProgressMeter(std::ostream& err, Mode mode,
                             std::optional<uint64_t> total_bytes)
    : m_err(err), m_mode(mode), m_total(total_bytes), m_started(Clock::now()),
      m_last(m_started) {}

void ProgressMeter::update(const ProgressCounts& counts,
                           Clock::time_point now) {
  const auto period = m_mode == Mode::terminal
                          ? Clock::duration(k_terminal_period)
                          : Clock::duration(k_lines_period);
  if (now - m_last < period) {
    return;
  }
  m_last = now;
  draw(counts, now);
}

void ProgressMeter::draw(const ProgressCounts& counts, Clock::time_point now) {
  const double elapsed = std::chrono::duration<double>(now - m_started).count();
  const std::string text = "veil: " + format_progress(counts, m_total, elapsed);
  if (m_mode == Mode::terminal) {
    // \033[K erases what a longer previous line left to the right.
    m_err << '\r' << text << "\033[K" << std::flush;
    m_drawn = true;
  } else {
    m_err << text << '\n' << std::flush;
  }
}

void ProgressMeter::suspend() {
  if (m_drawn) {
    m_err << "\r\033[K" << std::flush;
    m_drawn = false;
  }
}

void ProgressMeter::finish(const ProgressCounts& counts) {
  if (m_mode == Mode::terminal) {
    suspend();
    return;
  }
  draw(counts, Clock::now());
}

} // namespace veil
