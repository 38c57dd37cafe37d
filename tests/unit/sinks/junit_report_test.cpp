#include "report_fixture.hpp"

#include <doctest/doctest.h>

#include <string>

using veil::ReportOptions;
using veil::Severity;
using veil::Summary;
using veil::sinks_test::fixture_findings;
using veil::sinks_test::fixture_summary;
using veil::sinks_test::render;

namespace {

const std::string k_expected = R"(<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="veil" tests="3" failures="1" errors="1">
  <testsuite name="veil redact" tests="3" failures="1" errors="1" skipped="0">
    <properties>
      <property name="veil.version" value="0.1.0"/>
      <property name="fail_on" value="high"/>
      <property name="files" value="2"/>
      <property name="records" value="20"/>
      <property name="bytes" value="4096"/>
      <property name="findings" value="3"/>
    </properties>
    <testcase classname="veil" name="logs/a.jsonl" file="logs/a.jsonl">
      <failure type="secret.openai_key" message="critical OPENAI_API_KEY sk-****wxyz at logs/a.jsonl:12:90">logs/a.jsonl:12:90  critical  secret.openai_key  OPENAI_API_KEY  /messages/2/content  sk-****wxyz  fingerprint fp2</failure>
      <system-out>below high:
logs/a.jsonl:12:48  medium  pii.email  EMAIL_ADDRESS  /messages/1/content  j***@example.com  fingerprint fp1
</system-out>
    </testcase>
    <testcase classname="veil" name="notes.txt" file="notes.txt">
      <system-out>below high:
notes.txt:3:6  medium  pii.email  EMAIL_ADDRESS  a***@ex\x1b[2J.com  fingerprint fp3
</system-out>
    </testcase>
    <testcase classname="veil" name="input">
      <error type="input" message="1 input line could not be read"/>
    </testcase>
  </testsuite>
</testsuites>
)";

size_t occurrences(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos;
       at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

} // namespace

TEST_SUITE("sinks::report::junit") {
  TEST_CASE("one testcase per file, a failure per finding at --fail-on") {
    CHECK(render("junit", fixture_findings(), fixture_summary(),
                 ReportOptions{.fail_on = Severity::high}) == k_expected);
  }

  TEST_CASE("a lower threshold fails more findings and files") {
    const std::string text =
        render("junit", fixture_findings(), fixture_summary(),
               ReportOptions{.fail_on = Severity::medium});
    CHECK(occurrences(text, "<failure ") == 3);
    CHECK(text.find("tests=\"3\" failures=\"2\" errors=\"1\"") !=
          std::string::npos);
    CHECK(text.find("<system-out>") == std::string::npos);
  }

  TEST_CASE("without --fail-on nothing fails; findings go to system-out") {
    const std::string text =
        render("junit", fixture_findings(), fixture_summary());
    CHECK(occurrences(text, "<failure ") == 0);
    CHECK(occurrences(text, "<system-out>findings:\n") == 2);
    CHECK(text.find("<property name=\"fail_on\" value=\"never\"/>") !=
          std::string::npos);
  }

  TEST_CASE("no findings, no errors: an empty suite") {
    CHECK(render("junit", {}, Summary{}, {}, "scan")
              .find("<testsuite name=\"veil scan\" tests=\"0\" failures=\"0\" "
                    "errors=\"0\" skipped=\"0\">\n    <properties>") !=
          std::string::npos);
  }

  TEST_CASE("markup and bad bytes in input text are escaped") {
    auto findings = fixture_findings();
    findings[1].file = "a<b>&\"c'\xff.log";
    findings[1].preview = "]]></failure><x>";
    const std::string text = render("junit", findings, fixture_summary(),
                                    ReportOptions{.fail_on = Severity::high});
    CHECK(text.find("name=\"a&lt;b&gt;&amp;&quot;c&#39;\xEF\xBF\xBD.log\"") !=
          std::string::npos);
    CHECK(text.find("]]&gt;&lt;/failure&gt;&lt;x&gt;") != std::string::npos);
    CHECK(text.find("<x>") == std::string::npos);
    CHECK(text.find('\x1b') == std::string::npos);
  }
}
