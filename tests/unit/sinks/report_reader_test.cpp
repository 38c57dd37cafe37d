#include "core/errors.hpp"
#include "report_fixture.hpp"
#include "sinks/report/report_reader.hpp"

#include <doctest/doctest.h>

#include <string>

using veil::InputError;
using veil::parse_shard_report;
using veil::ShardReport;
using veil::split_json_documents;
using veil::sinks_test::fixture_findings;
using veil::sinks_test::fixture_summary;
using veil::sinks_test::render;

namespace {

std::string fixture_json() {
  return render("json", fixture_findings(), fixture_summary());
}

std::string error_of(const std::string& text) {
  try {
    for (const auto& doc : split_json_documents(text, "r.json")) {
      parse_shard_report(doc, "r.json");
    }
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

} // namespace

TEST_SUITE("sinks::report_reader") {
  TEST_CASE("splits concatenated documents and counts their lines") {
    const std::string text = "\n{\"a\": \"}{\\\"\"}\n  {\"b\": [1,\n{}]} {}\n";
    const auto docs = split_json_documents(text, "r.json");
    REQUIRE(docs.size() == 3);
    CHECK(docs[0].text == "{\"a\": \"}{\\\"\"}");
    CHECK(docs[0].line == 2);
    CHECK(docs[1].text == "{\"b\": [1,\n{}]}");
    CHECK(docs[1].line == 3);
    CHECK(docs[2].text == "{}");
    CHECK(docs[2].line == 4);
    CHECK(split_json_documents(" \n", "r.json").empty());
  }

  TEST_CASE("reads back what the json report wrote") {
    const std::string text = fixture_json() + fixture_json();
    const auto docs = split_json_documents(text, "r.json");
    REQUIRE(docs.size() == 2);
    const ShardReport r = parse_shard_report(docs[1], "r.json");
    CHECK(r.where == "r.json:" + std::to_string(docs[1].line));
    CHECK(r.version == "0.1.0");
    REQUIRE(r.packs.size() == 2);
    CHECK(r.packs[1].name == "secrets");
    CHECK(r.packs[1].rules == 30);
    const auto expected = fixture_findings();
    REQUIRE(r.findings.size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
      const auto& a = r.findings[i];
      const auto& b = expected[i];
      CHECK(a.file == b.file);
      CHECK(a.line == b.line);
      CHECK(a.record_id == b.record_id);
      CHECK(a.path == b.path);
      CHECK(a.role == b.role);
      CHECK(a.rule == b.rule);
      CHECK(a.entity == b.entity);
      CHECK(a.severity == b.severity);
      CHECK(a.start == b.start);
      CHECK(a.end == b.end);
      CHECK(a.column == b.column);
      CHECK(a.preview == b.preview);
      CHECK(a.fingerprint == b.fingerprint);
      CHECK(a.action == b.action);
      CHECK(a.replacement == b.replacement);
    }
    CHECK(r.findings[0].confidence == doctest::Approx(0.95));
    CHECK(r.summary.records == 20);
    CHECK(r.summary.bytes == 4096);
    CHECK(r.summary.errors == 1);
    CHECK(r.summary.files == 2);
  }

  TEST_CASE("the round trip through the json writer is exact") {
    const std::string text = fixture_json();
    const ShardReport r =
        parse_shard_report(split_json_documents(text, "r.json")[0], "r.json");
    veil::Summary s = fixture_summary();
    s.elapsed_seconds = r.summary.elapsed_seconds;
    CHECK(render("json", r.findings, s) == text);
  }

  TEST_CASE("errors name the file and line, never a value") {
    CHECK(error_of("\n\nnot json") ==
          "r.json:3: expected a json report (an object starting with {)");
    CHECK(error_of("{\"tool\": {\n") ==
          "r.json:1: the report ends before its closing }");
    CHECK(error_of("{\n\"a\": 1,\n\"b\" 2}") ==
          "r.json:3: invalid JSON: syntax error while parsing object "
          "separator - unexpected number literal; expected ':'");
    CHECK(error_of("{}") == "r.json:1: not a veil json report: the "
                            "document has no \"tool\"");
    std::string text = fixture_json();
    const std::string from = "\"line\": 12";
    text.replace(text.find(from), from.size(), "\"line\": \"12\"");
    CHECK(error_of(text) == "r.json:1: not a veil json report: finding 1: "
                            "\"line\" is not a count");
    text = fixture_json();
    const std::string count = "\"findings\": 3";
    text.replace(text.find(count), count.size(), "\"findings\": 4");
    CHECK(error_of(text) == "r.json:1: not a veil json report: the summary "
                            "counts 4 findings, the list holds 3");
  }
}
