#include "report_fixture.hpp"
#include "sinks/report/artifact_path.hpp"
#include "sinks/report/sarif_fields.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>

using veil::Finding;
using veil::RuleInfo;
using veil::RunInfo;
using veil::Severity;
using veil::Summary;
using veil::sinks_test::fixture_findings;
using veil::sinks_test::fixture_run;
using veil::sinks_test::fixture_summary;

namespace {

RunInfo run_with_rules() {
  RunInfo run = fixture_run("scan");
  run.rules = {
      RuleInfo{"pii.email", "Email address", "EMAIL_ADDRESS", "pii",
               Severity::medium},
      RuleInfo{"secret.openai_key", "OpenAI API key", "OPENAI_API_KEY",
               "secret", Severity::critical},
  };
  return run;
}

std::string render_sarif(const std::vector<Finding>& findings,
                         const Summary& summary,
                         const RunInfo& run = run_with_rules()) {
  std::ostringstream out;
  auto writer = veil::make_report_writer("sarif", out, {});
  writer->begin(run);
  for (const Finding& f : findings) {
    writer->finding(f);
  }
  writer->end(summary);
  return out.str();
}

nlohmann::json parse(const std::string& text) {
  return nlohmann::json::parse(text);
}

} // namespace

TEST_SUITE("sinks::report::sarif") {
  TEST_CASE("levels by severity") {
    CHECK(veil::sarif_level(Severity::critical) == "error");
    CHECK(veil::sarif_level(Severity::high) == "error");
    CHECK(veil::sarif_level(Severity::medium) == "warning");
    CHECK(veil::sarif_level(Severity::low) == "note");
    CHECK(veil::sarif_level(Severity::info) == "note");
  }

  TEST_CASE("the log: version, one run, one rule per veil rule") {
    const auto doc = parse(render_sarif(fixture_findings(), fixture_summary()));
    CHECK(doc["version"] == "2.1.0");
    REQUIRE(doc["runs"].size() == 1);
    const auto& run = doc["runs"][0];
    const auto& driver = run["tool"]["driver"];
    CHECK(driver["name"] == "veil");
    CHECK(driver["version"] == "0.1.0");
    REQUIRE(driver["rules"].size() == 2);
    const auto& key = driver["rules"][1];
    CHECK(key["id"] == "secret.openai_key");
    CHECK(key["shortDescription"]["text"] == "OpenAI API key");
    CHECK(key["defaultConfiguration"]["level"] == "error");
    CHECK(key["properties"]["security-severity"] == "9.5");
    CHECK(key["help"]["text"].get<std::string>().find("rotate") !=
          std::string::npos);
    CHECK(run["properties"]["summary"]["findings"] == 3);
    CHECK(run["invocations"][0]["executionSuccessful"] == false);
    CHECK(run.find("originalUriBaseIds") == run.end());
  }

  TEST_CASE("results: rule, level, message, location, fingerprint") {
    const auto doc = parse(render_sarif(fixture_findings(), fixture_summary()));
    const auto& results = doc["runs"][0]["results"];
    REQUIRE(results.size() == 3);
    const auto& r = results[0];
    CHECK(r["ruleId"] == "pii.email");
    CHECK(r["ruleIndex"] == 0);
    CHECK(r["level"] == "warning");
    CHECK(r["message"]["text"] ==
          "EMAIL_ADDRESS j***@example.com at /messages/1/content (role user, "
          "record req-7); redacted as [EMAIL_ADDRESS_1]");
    const auto& location = r["locations"][0]["physicalLocation"];
    CHECK(location["artifactLocation"]["uri"] == "logs/a.jsonl");
    CHECK(location["region"] == nlohmann::json{{"startLine", 12},
                                               {"startColumn", 48},
                                               {"endColumn", 65}});
    CHECK(r["partialFingerprints"]["veil/v1"] == "fp1");
    CHECK(results[1]["level"] == "error");
    CHECK(results[1]["ruleIndex"] == 1);
    // Escape characters of the input never reach a viewer.
    CHECK(results[2]["message"]["text"] ==
          "EMAIL_ADDRESS a***@ex\\x1b[2J.com; redacted as [EMAIL_ADDRESS_2]");
  }

  TEST_CASE("streamed layout is nlohmann's own dump of the document") {
    for (const size_t count : {0, 1, 3}) {
      auto findings = fixture_findings();
      findings.resize(count);
      const std::string text = render_sarif(findings, fixture_summary());
      const auto doc = nlohmann::ordered_json::parse(text);
      CHECK(doc["runs"][0]["results"].size() == count);
      CHECK(text == doc.dump(2) + "\n");
    }
  }

  TEST_CASE("a rule the run does not list: ruleId without ruleIndex") {
    auto findings = fixture_findings();
    findings[0].rule = "input.invalid_json";
    findings[0].preview = "";
    findings[0].fingerprint = "";
    findings[0].start = findings[0].end = 0;
    findings[0].column = 1;
    const auto r =
        parse(render_sarif(findings, Summary{}))["runs"][0]["results"][0];
    CHECK(r["ruleId"] == "input.invalid_json");
    CHECK(r.find("ruleIndex") == r.end());
    CHECK(r.find("partialFingerprints") == r.end());
    CHECK(r["locations"][0]["physicalLocation"]["region"] ==
          nlohmann::json{{"startLine", 12}, {"startColumn", 1}});
  }

  TEST_CASE("URIs are relative; files outside the working directory use ROOT") {
    auto findings = fixture_findings();
    findings[0].file = veil::current_directory() + "/sub dir/a.jsonl";
    findings[1].file = "<stdin>";
    findings[2].file = "/nonexistent-veil-root/x#1.log";
    const auto run = parse(render_sarif(findings, Summary{}))["runs"][0];
    const auto uri = [&](size_t i) {
      return run["results"][i]["locations"][0]["physicalLocation"]
                ["artifactLocation"];
    };
    CHECK(uri(0) == nlohmann::json{{"uri", "sub%20dir/a.jsonl"}});
    CHECK(uri(1) == nlohmann::json{{"uri", "stdin"}});
    CHECK(uri(2) == nlohmann::json{{"uri", "nonexistent-veil-root/x%231.log"},
                                   {"uriBaseId", "ROOT"}});
    CHECK(run["originalUriBaseIds"]["ROOT"]["uri"] == "file:///");
  }

  TEST_CASE("braces in message text are doubled, as SARIF requires") {
    auto findings = fixture_findings();
    findings.resize(1);
    findings[0].preview = "{0}";
    const auto r =
        parse(render_sarif(findings, Summary{}))["runs"][0]["results"][0];
    CHECK(r["message"]["text"].get<std::string>().rfind(
              "EMAIL_ADDRESS {{0}} at", 0) == 0);
  }

  TEST_CASE("invalid UTF-8 still gives valid JSON") {
    auto findings = fixture_findings();
    findings[0].file = "bad\xff.jsonl";
    findings[0].preview = "x\xc3";
    CHECK_NOTHROW(parse(render_sarif(findings, fixture_summary())));
  }
}

TEST_SUITE("sinks::report::artifact_path") {
  TEST_CASE("relative_path") {
    CHECK(veil::relative_path("<stdin>", "/w") == "stdin");
    CHECK(veil::relative_path("./a//b/./c.log", "/w") == "a/b/c.log");
    CHECK(veil::relative_path("/w/a/b.log", "/w") == "a/b.log");
    CHECK(veil::relative_path("/w/a/b.log", "/w/") == "a/b.log");
    CHECK(veil::relative_path("/wx/b.log", "/w") == "/wx/b.log");
    CHECK(veil::relative_path("/etc/b.log", "/w") == "/etc/b.log");
    CHECK(veil::relative_path("/etc/b.log", "/") == "etc/b.log");
    CHECK(veil::relative_path("../b.log", "/w") == "../b.log");
    CHECK(veil::relative_path("/w/a.log", "") == "/w/a.log");
  }

  TEST_CASE("path_to_uri") {
    CHECK(veil::path_to_uri("logs/a-b_c.~1.jsonl") == "logs/a-b_c.~1.jsonl");
    CHECK(veil::path_to_uri("/etc/x y:z?.log") == "etc/x%20y%3Az%3F.log");
    CHECK(veil::path_to_uri("caf\xc3\xa9") == "caf%C3%A9");
  }
}
