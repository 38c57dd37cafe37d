#include "report_fixture.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>

using veil::Summary;
using veil::sinks_test::fixture_findings;
using veil::sinks_test::fixture_summary;
using veil::sinks_test::render;

namespace {

const std::string k_expected =
    R"({"file":"logs/a.jsonl","line":12,"record_id":"req-7","path":"/messages/1/content","role":"user","rule":"pii.email","entity":"EMAIL_ADDRESS","category":"pii","severity":"medium","confidence":0.95,"start":10,"end":27,"column":48,"preview":"j***@example.com","fingerprint":"fp1","action":"redacted","replacement":"[EMAIL_ADDRESS_1]"}
)"
    R"({"file":"logs/a.jsonl","line":12,"record_id":"req-7","path":"/messages/2/content","role":"assistant","rule":"secret.openai_key","entity":"OPENAI_API_KEY","category":"secret","severity":"critical","confidence":1.0,"start":0,"end":51,"column":90,"preview":"sk-****wxyz","fingerprint":"fp2","action":"reported"}
)"
    R"({"file":"notes.txt","line":3,"path":"","rule":"pii.email","entity":"EMAIL_ADDRESS","category":"pii","severity":"medium","confidence":0.5,"start":5,"end":22,"column":6,"preview":"a***@ex\u001b[2J.com","fingerprint":"fp3","action":"redacted","replacement":"[EMAIL_ADDRESS_2]"}
)"
    R"({"summary":{"files":2,"records":20,"bytes":4096,"findings":3,"redacted":2,"errors":1,"elapsed_seconds":0.123,"by_rule":{"pii.email":2,"secret.openai_key":1},"by_severity":{"critical":1,"medium":2},"by_entity":{"EMAIL_ADDRESS":2,"OPENAI_API_KEY":1},"by_field":{"":1,"/messages/*/content":2}}}
)";

} // namespace

TEST_SUITE("sinks::report::jsonl") {
  TEST_CASE("whole report") {
    CHECK(render("jsonl", fixture_findings(), fixture_summary()) == k_expected);
  }

  TEST_CASE("no findings: only the summary line") {
    const std::string text = render("jsonl", {}, Summary{});
    CHECK(text.find('\n') == text.size() - 1);
    CHECK(text.rfind(R"({"summary":{"files":0,)", 0) == 0);
  }

  TEST_CASE("every line parses, the summary matches the json format's") {
    std::istringstream lines(
        render("jsonl", fixture_findings(), fixture_summary()));
    std::string line;
    std::vector<nlohmann::ordered_json> docs;
    while (std::getline(lines, line)) {
      docs.push_back(nlohmann::ordered_json::parse(line));
    }
    REQUIRE(docs.size() == 4);
    const auto whole = nlohmann::ordered_json::parse(
        render("json", fixture_findings(), fixture_summary()));
    for (size_t i = 0; i < 3; ++i) {
      CHECK(docs[i] == whole["findings"][i]);
    }
    CHECK(docs[3]["summary"] == whole["summary"]);
  }
}
