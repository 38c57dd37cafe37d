#include "sinks/report/summary.hpp"

#include <doctest/doctest.h>

#include <map>
#include <string>

using veil::field_shape;
using veil::Finding;
using veil::Severity;
using veil::Summary;

namespace {

Finding finding(std::string rule, std::string entity, Severity severity,
                std::string path, std::string action) {
  Finding f;
  f.rule = std::move(rule);
  f.entity = std::move(entity);
  f.severity = severity;
  f.path = std::move(path);
  f.action = std::move(action);
  return f;
}

} // namespace

TEST_SUITE("sinks::summary") {
  TEST_CASE("field_shape replaces indices by *") {
    CHECK(field_shape("") == "");
    CHECK(field_shape("/") == "/");
    CHECK(field_shape("/prompt") == "/prompt");
    CHECK(field_shape("/messages/3/content") == "/messages/*/content");
    CHECK(field_shape("/messages/3/content/0/text") ==
          "/messages/*/content/*/text");
    CHECK(field_shape("/choices/12") == "/choices/*");
    CHECK(field_shape("/a1/1a/10") == "/a1/1a/*");
    CHECK(field_shape("/a//0") == "/a//*");
    CHECK(field_shape("/0/") == "/*/");
  }

  TEST_CASE("add counts by rule, severity, entity and field shape") {
    Summary s;
    const Finding email =
        finding("pii.email", "EMAIL_ADDRESS", Severity::medium,
                "/messages/1/content", "redacted");
    const Finding key =
        finding("secret.openai_key", "OPENAI_API_KEY", Severity::critical,
                "/messages/2/content", "reported");
    const Finding text_line =
        finding("pii.email", "EMAIL_ADDRESS", Severity::medium, "", "redacted");
    s.add(email);
    s.add(key);
    s.add(text_line);
    CHECK(s.findings == 3);
    CHECK(s.redacted == 2);
    using Counts = std::map<std::string, uint64_t>;
    CHECK(s.by_rule == Counts{{"pii.email", 2}, {"secret.openai_key", 1}});
    CHECK(s.by_severity == Counts{{"critical", 1}, {"medium", 2}});
    CHECK(s.by_entity == Counts{{"EMAIL_ADDRESS", 2}, {"OPENAI_API_KEY", 1}});
    CHECK(s.by_field == Counts{{"", 1}, {"/messages/*/content", 2}});
  }

  TEST_CASE("merge adds every counter") {
    Summary a;
    a.files = 1;
    a.records = 10;
    a.bytes = 100;
    a.errors = 1;
    a.elapsed_seconds = 0.5;
    a.add(finding("r1", "E", Severity::info, "", "redacted"));
    Summary b;
    b.files = 2;
    b.records = 5;
    b.bytes = 50;
    b.elapsed_seconds = 0.25;
    b.add(finding("r1", "E", Severity::info, "", "reported"));
    b.add(finding("r2", "F", Severity::high, "", "reported"));
    a.merge(b);
    CHECK(a.files == 3);
    CHECK(a.records == 15);
    CHECK(a.bytes == 150);
    CHECK(a.findings == 3);
    CHECK(a.redacted == 1);
    CHECK(a.errors == 1);
    CHECK(a.elapsed_seconds == 0.75);
    CHECK(a.by_rule.at("r1") == 2);
    CHECK(a.by_rule.at("r2") == 1);
    CHECK(a.by_severity.at("info") == 2);
    CHECK(a.by_severity.at("high") == 1);
    CHECK(a.by_field.at("") == 3);
  }
}
