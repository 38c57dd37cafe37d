#include "report_fixture.hpp"

#include <doctest/doctest.h>

#include <string>

using veil::Summary;
using veil::sinks_test::fixture_findings;
using veil::sinks_test::fixture_summary;
using veil::sinks_test::render;

namespace {

const std::string k_header =
    "file,line,record_id,path,role,rule,entity,category,severity,confidence,"
    "start,end,column,preview,fingerprint,action,replacement\r\n";

const std::string k_expected =
    k_header +
    "logs/a.jsonl,12,req-7,/messages/1/content,user,pii.email,EMAIL_ADDRESS,"
    "pii,medium,0.95,10,27,48,j***@example.com,fp1,redacted,"
    "[EMAIL_ADDRESS_1]\r\n"
    "logs/a.jsonl,12,req-7,/messages/2/content,assistant,secret.openai_key,"
    "OPENAI_API_KEY,secret,critical,1.0,0,51,90,sk-****wxyz,fp2,reported,\r\n"
    "notes.txt,3,,,,pii.email,EMAIL_ADDRESS,pii,medium,0.5,5,22,6,"
    "a***@ex\\x1b[2J.com,fp3,redacted,[EMAIL_ADDRESS_2]\r\n";

} // namespace

TEST_SUITE("sinks::report::csv") {
  TEST_CASE("header and one CRLF row per finding, the json fields in order") {
    CHECK(render("csv", fixture_findings(), fixture_summary()) == k_expected);
  }

  TEST_CASE("no findings: the header only") {
    CHECK(render("csv", {}, Summary{}) == k_header);
  }

  TEST_CASE("RFC 4180 quoting") {
    auto findings = fixture_findings();
    findings.resize(1);
    findings[0].file = "a,b.jsonl";
    findings[0].record_id = "say \"hi\"";
    findings[0].path = "/x\ny"; // a newline becomes \x0a, not a row break
    const std::string text = render("csv", findings, fixture_summary());
    CHECK(text.find("\"a,b.jsonl\",12,\"say \"\"hi\"\"\",/x\\x0ay,") !=
          std::string::npos);
  }

  TEST_CASE("text a spreadsheet would run as a formula is defused") {
    auto findings = fixture_findings();
    findings.resize(1);
    findings[0].preview = "=HYPERLINK(\"x\")";
    findings[0].record_id = "@SUM(A1)";
    findings[0].role = "+1";
    findings[0].path = "-2";
    const std::string text = render("csv", findings, fixture_summary());
    CHECK(text.find(",'@SUM(A1),'-2,'+1,") != std::string::npos);
    CHECK(text.find(",\"'=HYPERLINK(\"\"x\"\")\",") != std::string::npos);
  }
}
