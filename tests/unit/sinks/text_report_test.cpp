#include "report_fixture.hpp"

#include <doctest/doctest.h>

#include <string>

using veil::ReportOptions;
using veil::Summary;
using veil::sinks_test::fixture_findings;
using veil::sinks_test::fixture_summary;
using veil::sinks_test::render;

namespace {

const std::string k_expected = R"(logs/a.jsonl
  12:48  medium    pii.email  EMAIL_ADDRESS  /messages/1/content  j***@example.com  -> [EMAIL_ADDRESS_1]
  12:90  critical  secret.openai_key  OPENAI_API_KEY  /messages/2/content  sk-****wxyz

notes.txt
  3:6  medium    pii.email  EMAIL_ADDRESS  a***@ex\x1b[2J.com  -> [EMAIL_ADDRESS_2]

3 findings in 20 records (4096 bytes, 2 files): 1 critical, 0 high, 2 medium, 0 low, 0 info
  pii.email          2
  secret.openai_key  1
redacted: 2
errors: 1
elapsed: 0.123s
)";

// The same, with ANSI colors: bold file names, severities by level.
const std::string k_expected_color =
    "\x1b[1mlogs/a.jsonl\x1b[0m\n"
    "  12:48  \x1b[33mmedium\x1b[0m    pii.email  EMAIL_ADDRESS  "
    "/messages/1/content  j***@example.com  -> [EMAIL_ADDRESS_1]\n"
    "  12:90  \x1b[1;31mcritical\x1b[0m  secret.openai_key  OPENAI_API_KEY  "
    "/messages/2/content  sk-****wxyz\n"
    "\n"
    "\x1b[1mnotes.txt\x1b[0m\n"
    "  3:6  \x1b[33mmedium\x1b[0m    pii.email  EMAIL_ADDRESS  "
    "a***@ex\\x1b[2J.com  -> [EMAIL_ADDRESS_2]\n"
    "\n"
    "3 findings in 20 records (4096 bytes, 2 files): 1 critical, 0 high, 2 "
    "medium, 0 low, 0 info\n"
    "  pii.email          2\n"
    "  secret.openai_key  1\n"
    "redacted: 2\n"
    "errors: 1\n"
    "elapsed: 0.123s\n";

const std::string k_expected_quiet =
    R"(3 findings in 20 records (4096 bytes, 2 files): 1 critical, 0 high, 2 medium, 0 low, 0 info
  pii.email          2
  secret.openai_key  1
redacted: 2
errors: 1
elapsed: 0.123s
)";

} // namespace

TEST_SUITE("sinks::report::text") {
  TEST_CASE("whole report") {
    CHECK(render("text", fixture_findings(), fixture_summary()) == k_expected);
  }

  TEST_CASE("color") {
    CHECK(render("text", fixture_findings(), fixture_summary(),
                 ReportOptions{.color = true}) == k_expected_color);
  }

  TEST_CASE("quiet prints only the summary") {
    CHECK(render("text", fixture_findings(), fixture_summary(),
                 ReportOptions{.quiet = true}) == k_expected_quiet);
  }

  TEST_CASE("no findings: singular nouns, no redacted or errors lines") {
    Summary s;
    s.files = 1;
    s.records = 1;
    s.bytes = 1;
    CHECK(render("text", {}, s, {}, "scan") ==
          "0 findings in 1 record (1 byte, 1 file): 0 critical, "
          "0 high, 0 medium, 0 low, 0 info\n"
          "elapsed: 0.000s\n");
    CHECK(render("text", {}, s, {}, "redact") ==
          "0 findings in 1 record (1 byte, 1 file): 0 critical, "
          "0 high, 0 medium, 0 low, 0 info\n"
          "redacted: 0\n"
          "elapsed: 0.000s\n");
  }
}
