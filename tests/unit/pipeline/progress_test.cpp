#include "pipeline/progress.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>
#include <string>

using veil::format_bytes;
using veil::format_count;
using veil::format_progress;
using veil::ProgressCounts;
using veil::ProgressMeter;
using Clock = veil::ProgressMeter::Clock;
using std::chrono::milliseconds;

TEST_SUITE("pipeline::progress") {
  TEST_CASE("format_bytes uses decimal units with one decimal") {
    CHECK(format_bytes(0) == "0 B");
    CHECK(format_bytes(999) == "999 B");
    CHECK(format_bytes(1000) == "1.0 kB");
    CHECK(format_bytes(12'500'000) == "12.5 MB");
    CHECK(format_bytes(999'960'000) == "1.0 GB");
    CHECK(format_bytes(3'100'000'000'000'000) == "3100.0 TB");
  }

  TEST_CASE("format_count separates thousands") {
    CHECK(format_count(0) == "0");
    CHECK(format_count(999) == "999");
    CHECK(format_count(1000) == "1,000");
    CHECK(format_count(41200) == "41,200");
    CHECK(format_count(1234567) == "1,234,567");
  }

  TEST_CASE("a known total gives the share and the ETA") {
    const ProgressCounts c{12'500'000, 41'200, 37};
    CHECK(format_progress(c, 80'000'000, 2.0) ==
          "12.5 MB / 80.0 MB (15%), 41,200 records (20,600/s), 6.2 MB/s, "
          "37 findings, ETA 0:11");
    CHECK(format_progress(c, 8'000'000'000, 2.0).ends_with("ETA 21:18"));
    CHECK(format_progress(c, 80'000'000'000, 2.0).ends_with("ETA 3:33:18"));
  }

  TEST_CASE("without a total there is no share and no ETA") {
    const ProgressCounts c{2'000'000, 10, 1};
    CHECK(format_progress(c, std::nullopt, 1.0) ==
          "2.0 MB, 10 records (10/s), 2.0 MB/s, 1 finding");
    CHECK(format_progress(c, std::nullopt, 0.0) ==
          "2.0 MB, 10 records (0/s), 0.0 MB/s, 1 finding");
  }

  TEST_CASE("the terminal line is redrawn at most four times a second") {
    std::ostringstream err;
    ProgressMeter meter(err, ProgressMeter::Mode::terminal, std::nullopt);
    const auto t0 = Clock::now();
    meter.update({1000, 1, 0}, t0 + milliseconds(100));
    CHECK(err.str().empty());
    meter.update({2000, 2, 0}, t0 + milliseconds(300));
    CHECK(err.str().starts_with("\rveil: 2.0 kB, 2 records"));
    CHECK(err.str().ends_with("\033[K"));
    const size_t drawn = err.str().size();
    meter.update({3000, 3, 0}, t0 + milliseconds(400));
    CHECK(err.str().size() == drawn);
    meter.finish({3000, 3, 0});
    CHECK(err.str().ends_with("\r\033[K"));
  }

  TEST_CASE("lines mode writes whole lines once a second and a last one") {
    std::ostringstream err;
    ProgressMeter meter(err, ProgressMeter::Mode::lines, 4000);
    const auto t0 = Clock::now();
    meter.update({1000, 1, 0}, t0 + milliseconds(500));
    CHECK(err.str().empty());
    meter.update({2000, 2, 0}, t0 + milliseconds(1100));
    meter.update({2500, 2, 0}, t0 + milliseconds(1500));
    std::string text = err.str();
    CHECK(text.find('\r') == std::string::npos);
    CHECK(text.starts_with("veil: 2.0 kB / 4.0 kB (50%)"));
    CHECK(std::count(text.begin(), text.end(), '\n') == 1);
    meter.finish({4000, 4, 0});
    text = err.str();
    CHECK(std::count(text.begin(), text.end(), '\n') == 2);
    CHECK(text.find("4.0 kB / 4.0 kB (100%)") != std::string::npos);
  }

  TEST_CASE("suspend clears a drawn line only") {
    std::ostringstream err;
    ProgressMeter meter(err, ProgressMeter::Mode::terminal, std::nullopt);
    meter.suspend();
    CHECK(err.str().empty());
    meter.update({1, 1, 0}, Clock::now() + milliseconds(300));
    meter.suspend();
    CHECK(err.str().ends_with("\r\033[K"));
    const size_t size = err.str().size();
    meter.suspend();
    CHECK(err.str().size() == size);
  }
}
