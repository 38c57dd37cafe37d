#include "report_fixture.hpp"
#include "sinks/report/artifact_path.hpp"

#include <doctest/doctest.h>

#include <string>

using veil::Severity;
using veil::Summary;
using veil::sinks_test::fixture_findings;
using veil::sinks_test::fixture_summary;
using veil::sinks_test::render;

namespace {

const std::string k_expected =
    "::warning file=logs/a.jsonl,line=12,col=48,endColumn=65,title=pii.email"
    "::medium EMAIL_ADDRESS j***@example.com at /messages/1/content "
    "(record req-7) fingerprint fp1\n"
    "::error file=logs/a.jsonl,line=12,col=90,endColumn=141,"
    "title=secret.openai_key::critical OPENAI_API_KEY sk-****wxyz at "
    "/messages/2/content (record req-7) fingerprint fp2\n"
    "::warning file=notes.txt,line=3,col=6,endColumn=23,title=pii.email"
    "::medium EMAIL_ADDRESS a***@ex\\x1b[2J.com fingerprint fp3\n"
    "veil: 3 findings in 20 records (2 files): 1 critical, 0 high, 2 medium, "
    "0 low, 0 info\n";

} // namespace

TEST_SUITE("sinks::report::github") {
  TEST_CASE("one workflow command per finding, then a summary line") {
    CHECK(render("github", fixture_findings(), fixture_summary()) ==
          k_expected);
  }

  TEST_CASE("severity picks the command") {
    auto findings = fixture_findings();
    findings.resize(1);
    const std::pair<Severity, std::string> cases[] = {
        {Severity::critical, "::error "},
        {Severity::high, "::error "},
        {Severity::medium, "::warning "},
        {Severity::low, "::notice "},
        {Severity::info, "::notice "}};
    for (const auto& [severity, command] : cases) {
      findings[0].severity = severity;
      CHECK(render("github", findings, Summary{}).rfind(command, 0) == 0);
    }
  }

  TEST_CASE("properties and data are escaped as GitHub's toolkit does") {
    auto findings = fixture_findings();
    findings.resize(1);
    findings[0].file = "a,b:c%d\ne.log";
    findings[0].rule = "x::y";
    findings[0].preview = "50% off, a:b\r\n::error ::pwned";
    const std::string line = render("github", findings, Summary{});
    CHECK(line.rfind("::warning file=a%2Cb%3Ac%25d\\x0ae.log,line=12,", 0) ==
          0);
    CHECK(line.find(",title=x%3A%3Ay::medium EMAIL_ADDRESS 50%25 off, "
                    "a:b\\x0d\\x0a::error ::pwned at ") != std::string::npos);
    // One line per finding, whatever the input held.
    CHECK(line.find('\n') == line.find("\nveil: "));
  }

  TEST_CASE("findings without a span have no column range") {
    auto findings = fixture_findings();
    findings.resize(1);
    findings[0].start = 0;
    findings[0].end = 0;
    findings[0].column = 1;
    CHECK(render("github", findings, Summary{})
              .rfind("::warning file=logs/a.jsonl,line=12,col=1,title=", 0) ==
          0);
  }

  TEST_CASE("absolute paths under the working directory become relative") {
    auto findings = fixture_findings();
    findings.resize(1);
    findings[0].file = veil::current_directory() + "/logs/b.jsonl";
    CHECK(render("github", findings, Summary{})
              .rfind("::warning file=logs/b.jsonl,", 0) == 0);
  }
}
