#include "sinks/report/report_writer.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

TEST_SUITE("sinks::report::formats") {
  TEST_CASE("every listed name makes a writer") {
    const std::vector<std::string> names = veil::report_format_names();
    CHECK(names == std::vector<std::string>{"json", "jsonl", "sarif", "text",
                                            "markdown", "junit", "csv", "html",
                                            "github"});
    std::ostringstream out;
    for (const std::string& name : names) {
      CHECK(veil::make_report_writer(name, out, {}) != nullptr);
    }
  }

  TEST_CASE("unknown names give nullptr") {
    std::ostringstream out;
    CHECK(veil::make_report_writer("xml", out, {}) == nullptr);
    CHECK(veil::make_report_writer("", out, {}) == nullptr);
    CHECK(veil::make_report_writer("JSON", out, {}) == nullptr);
  }
}
