#include "baseline/suppressor.hpp"

#include <doctest/doctest.h>

#include <sstream>

namespace veil {
namespace {

const std::string k_fp_a(64, 'a');
const std::string k_fp_b(64, 'b');

Finding finding(std::string file, std::string rule, std::string fp) {
  Finding f;
  f.file = std::move(file);
  f.rule = std::move(rule);
  f.fingerprint = "report-" + fp;
  f.baseline_fingerprint = std::move(fp);
  return f;
}

LoadedBaseline baseline_of(std::vector<BaselineEntry> entries) {
  Baseline b;
  b.salt = "s";
  b.entries = std::move(entries);
  return LoadedBaseline{"b.json", "base", std::move(b)};
}

TEST_SUITE("baseline::suppressor") {
  TEST_CASE("baseline entries match rule, fingerprint and file") {
    Suppressor s(
        baseline_of({{k_fp_a, "r.one", "a.txt", 5}, {k_fp_b, "r.two", "", 6}}),
        std::nullopt, true, "/w");
    CHECK(s.suppresses(finding("base/a.txt", "r.one", k_fp_a)));
    CHECK_FALSE(s.suppresses(finding("base/b.txt", "r.one", k_fp_a)));
    CHECK_FALSE(s.suppresses(finding("base/a.txt", "r.two", k_fp_a)));
    CHECK(s.suppresses(finding("anywhere.txt", "r.two", k_fp_b)));
    CHECK(s.suppresses(finding("<stdin>", "r.two", k_fp_b)));
    CHECK_FALSE(s.suppresses(finding("<stdin>", "r.one", k_fp_a)));
  }

  TEST_CASE("unused entries are listed with their line") {
    Suppressor s(
        baseline_of({{k_fp_a, "r.one", "a.txt", 5}, {k_fp_b, "r.two", "", 6}}),
        parse_ignore_file("r.three # old\n", ".veilignore", "."), true, "/w");
    CHECK(s.suppresses(finding("x", "r.two", k_fp_b)));
    std::ostringstream err;
    CHECK(s.report_unused(err) == 2);
    CHECK(err.str() == "veil: .veilignore:1: unused ignore entry r.three\n"
                       "veil: b.json:5: unused baseline entry (rule r.one, "
                       "file a.txt)\n");
  }

  TEST_CASE(".veilignore: fingerprints, rules and path globs") {
    IgnoreFile ignore = parse_ignore_file(k_fp_a + "\nrule:r.two\nfixtures/\n",
                                          ".veilignore", ".");
    Suppressor s(std::nullopt, std::move(ignore), true, "/w");
    CHECK(s.suppresses(finding("x.txt", "r.one", k_fp_a)));
    Finding reported = finding("x.txt", "r.one", k_fp_b);
    reported.fingerprint = k_fp_a; // as a report under a user key shows it
    CHECK(s.suppresses(reported));
    CHECK(s.suppresses(finding("x.txt", "r.two", k_fp_b)));
    CHECK(s.suppresses(finding("t/fixtures/y.txt", "r.one", k_fp_b)));
    CHECK_FALSE(s.suppresses(finding("t/y.txt", "r.one", k_fp_b)));
    CHECK_FALSE(s.suppresses(finding("<stdin>", "r.one", k_fp_b)));
  }

  TEST_CASE("inline markers unless turned off") {
    Finding f = finding("x.txt", "r.one", k_fp_a);
    f.allow_marker = true;
    CHECK(Suppressor(std::nullopt, std::nullopt, true, "/w").suppresses(f));
    CHECK_FALSE(
        Suppressor(std::nullopt, std::nullopt, false, "/w").suppresses(f));
  }
}

} // namespace
} // namespace veil
