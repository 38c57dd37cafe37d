#include "pipeline/run_stats.hpp"

#include <doctest/doctest.h>

#include <string>

using veil::format_stats;
using veil::RunStats;
using veil::Stopwatch;

TEST_SUITE("pipeline::run_stats") {
  TEST_CASE("format_stats prints counts, rates and stage shares") {
    RunStats s;
    s.wall_seconds = 2.0;
    s.read_seconds = 0.5;
    s.scan_seconds = 3.0;
    s.redact_seconds = 0.25;
    s.write_seconds = 0.1;
    s.records = 10'000;
    s.bytes = 50'000'000;
    s.findings = 12;
    s.threads = 2;
    CHECK(format_stats(s) ==
          "veil: stats: 10,000 records, 50.0 MB, 12 findings, 2 threads\n"
          "veil: stats: wall   2.000 s, 25.0 MB/s, 5000.0 records/s\n"
          "veil: stats: read   0.500 s (25% of wall): input, decompression, "
          "line splitting\n"
          "veil: stats: scan   3.000 s (150% of wall): JSON parsing and "
          "rules, summed over threads\n"
          "veil: stats: redact 0.250 s (12% of wall): findings, labels, line "
          "rewriting, report\n"
          "veil: stats: write  0.100 s (5% of wall): redacted output (part "
          "of redact)\n");
  }

  TEST_CASE("a zero wall time gives no share and no division by zero") {
    RunStats s;
    const std::string text = format_stats(s);
    CHECK(text.find("0 records, 0 B, 0 findings, 1 thread\n") !=
          std::string::npos);
    CHECK(text.find("of wall") == std::string::npos);
  }

  TEST_CASE("timers without a counter read no clock and add nothing") {
    double total = 0;
    {
      Stopwatch none(nullptr);
      none.start();
      none.stop();
      Stopwatch watch(&total);
      watch.stop(); // never started: adds nothing
    }
    CHECK(total == 0);
  }
}
