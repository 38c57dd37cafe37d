#include "report_fixture.hpp"

#include <doctest/doctest.h>

#include <string>

using veil::Finding;
using veil::ReportOptions;
using veil::Severity;
using veil::Summary;
using veil::sinks_test::fixture_findings;
using veil::sinks_test::fixture_summary;
using veil::sinks_test::render;

namespace {

const std::string k_expected = R"(### veil redact: 3 findings

Scanned 20 records (4096 bytes, 2 files). Redacted 2 values. **1 input line could not be read.**

**Failed:** 1 finding at or above `high`.

| critical | high | medium | low | info | total |
| ---: | ---: | ---: | ---: | ---: | ---: |
| 1 | 0 | 2 | 0 | 0 | **3** |

| Rule | Entity | Severity | Findings |
| --- | --- | --- | ---: |
| `secret.openai_key` | `OPENAI_API_KEY` | critical | 1 |
| `pii.email` | `EMAIL_ADDRESS` | medium | 2 |

#### Findings

| Severity | Rule | Location | Field | Preview |
| --- | --- | --- | --- | --- |
| critical | `secret.openai_key` | `logs/a.jsonl:12:90` | `/messages/2/content` | `sk-****wxyz` |
| medium | `pii.email` | `logs/a.jsonl:12:48` | `/messages/1/content` | `j***@example.com` |
| medium | `pii.email` | `notes.txt:3:6` |  | `a***@ex\x1b[2J.com` |

<sub>veil 0.1.0</sub>
)";

} // namespace

TEST_SUITE("sinks::report::markdown") {
  TEST_CASE("whole report, worst findings first") {
    CHECK(render("markdown", fixture_findings(), fixture_summary(),
                 ReportOptions{.fail_on = Severity::high}) == k_expected);
  }

  TEST_CASE("no findings: the headline and counts only") {
    Summary s;
    s.files = 1;
    s.records = 4;
    s.bytes = 100;
    CHECK(render("markdown", {}, s, {}, "scan") ==
          "### veil scan: no findings\n\n"
          "Scanned 4 records (100 bytes, 1 file).\n\n"
          "<sub>veil 0.1.0</sub>\n");
  }

  TEST_CASE("failed and passed against --fail-on") {
    const std::string text =
        render("markdown", fixture_findings(), fixture_summary(),
               ReportOptions{.fail_on = Severity::info});
    CHECK(text.find("**Failed:** 3 findings at or above `info`.") !=
          std::string::npos);
    auto findings = fixture_findings();
    findings.resize(1); // the medium email only
    CHECK(render("markdown", findings, fixture_summary(),
                 ReportOptions{.fail_on = Severity::high})
              .find("**Passed:** 0 findings at or above `high`.") !=
          std::string::npos);
  }

  TEST_CASE("input text can't break the table or add markup") {
    auto findings = fixture_findings();
    findings[0].preview = "a|b`c``d";
    findings[0].path = "`x`";
    findings[0].file = "@team <b>";
    const std::string text = render("markdown", findings, fixture_summary());
    CHECK(text.find("| ```a\\|b`c``d``` |") != std::string::npos);
    CHECK(text.find("| `` `x` `` |") != std::string::npos);
    CHECK(text.find("`@team <b>:12:48`") != std::string::npos);
  }

  TEST_CASE("only the 20 worst findings are listed, worst then earliest") {
    std::vector<Finding> findings;
    Summary s;
    for (int i = 0; i < 30; ++i) {
      Finding f = fixture_findings()[0];
      f.line = static_cast<uint64_t>(i + 1);
      f.severity = i == 25 ? Severity::critical : Severity::medium;
      findings.push_back(f);
      s.add(f);
    }
    const std::string text = render("markdown", findings, s);
    CHECK(text.find("#### The 20 worst of 30 findings") != std::string::npos);
    const size_t critical = text.find("`logs/a.jsonl:26:48`");
    const size_t first = text.find("`logs/a.jsonl:1:48`");
    REQUIRE(critical != std::string::npos);
    REQUIRE(first != std::string::npos);
    CHECK(critical < first);
    CHECK(text.find("`logs/a.jsonl:19:48`") != std::string::npos);
    CHECK(text.find("`logs/a.jsonl:20:48`") == std::string::npos);
  }
}
