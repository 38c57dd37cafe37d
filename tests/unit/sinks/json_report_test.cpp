#include "report_fixture.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>

using veil::Summary;
using veil::sinks_test::fixture_findings;
using veil::sinks_test::fixture_run;
using veil::sinks_test::fixture_summary;
using veil::sinks_test::render;

namespace {

const std::string k_expected = R"({
  "tool": {
    "name": "veil",
    "version": "0.1.0",
    "packs": [
      {
        "name": "pii",
        "version": "1.0",
        "rules": 12
      },
      {
        "name": "secrets",
        "version": "1.2",
        "rules": 30
      }
    ]
  },
  "findings": [
    {
      "file": "logs/a.jsonl",
      "line": 12,
      "record_id": "req-7",
      "path": "/messages/1/content",
      "role": "user",
      "rule": "pii.email",
      "entity": "EMAIL_ADDRESS",
      "category": "pii",
      "severity": "medium",
      "confidence": 0.95,
      "start": 10,
      "end": 27,
      "column": 48,
      "preview": "j***@example.com",
      "fingerprint": "fp1",
      "action": "redacted",
      "replacement": "[EMAIL_ADDRESS_1]"
    },
    {
      "file": "logs/a.jsonl",
      "line": 12,
      "record_id": "req-7",
      "path": "/messages/2/content",
      "role": "assistant",
      "rule": "secret.openai_key",
      "entity": "OPENAI_API_KEY",
      "category": "secret",
      "severity": "critical",
      "confidence": 1.0,
      "start": 0,
      "end": 51,
      "column": 90,
      "preview": "sk-****wxyz",
      "fingerprint": "fp2",
      "action": "reported"
    },
    {
      "file": "notes.txt",
      "line": 3,
      "path": "",
      "rule": "pii.email",
      "entity": "EMAIL_ADDRESS",
      "category": "pii",
      "severity": "medium",
      "confidence": 0.5,
      "start": 5,
      "end": 22,
      "column": 6,
      "preview": "a***@ex\u001b[2J.com",
      "fingerprint": "fp3",
      "action": "redacted",
      "replacement": "[EMAIL_ADDRESS_2]"
    }
  ],
  "summary": {
    "files": 2,
    "records": 20,
    "bytes": 4096,
    "findings": 3,
    "redacted": 2,
    "errors": 1,
    "elapsed_seconds": 0.123,
    "by_rule": {
      "pii.email": 2,
      "secret.openai_key": 1
    },
    "by_severity": {
      "critical": 1,
      "medium": 2
    },
    "by_entity": {
      "EMAIL_ADDRESS": 2,
      "OPENAI_API_KEY": 1
    },
    "by_field": {
      "": 1,
      "/messages/*/content": 2
    }
  }
}
)";

const std::string k_expected_empty = R"({
  "tool": {
    "name": "veil",
    "version": "0.1.0",
    "packs": [
      {
        "name": "pii",
        "version": "1.0",
        "rules": 12
      },
      {
        "name": "secrets",
        "version": "1.2",
        "rules": 30
      }
    ]
  },
  "findings": [],
  "summary": {
    "files": 0,
    "records": 0,
    "bytes": 0,
    "findings": 0,
    "redacted": 0,
    "errors": 0,
    "elapsed_seconds": 0.0,
    "by_rule": {},
    "by_severity": {},
    "by_entity": {},
    "by_field": {}
  }
}
)";

} // namespace

TEST_SUITE("sinks::report::json") {
  TEST_CASE("whole report") {
    CHECK(render("json", fixture_findings(), fixture_summary()) == k_expected);
  }

  TEST_CASE("no findings") {
    CHECK(render("json", {}, Summary{}) == k_expected_empty);
  }

  TEST_CASE("streamed layout is nlohmann's own dump of the document") {
    for (const size_t count : {0, 1, 3}) {
      auto findings = fixture_findings();
      findings.resize(count);
      const std::string text = render("json", findings, fixture_summary());
      const auto doc = nlohmann::ordered_json::parse(text);
      CHECK(doc["findings"].size() == count);
      CHECK(text == doc.dump(2) + "\n");
    }
  }

  TEST_CASE("invalid UTF-8 in a field still gives valid JSON") {
    auto findings = fixture_findings();
    findings[0].file = "bad\xff.jsonl";
    const std::string text = render("json", findings, fixture_summary());
    const auto doc = nlohmann::json::parse(text);
    CHECK(doc["findings"][0]["file"] == "bad\xef\xbf\xbd.jsonl");
  }
}
