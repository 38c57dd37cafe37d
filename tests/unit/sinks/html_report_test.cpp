#include "report_fixture.hpp"
#include "sinks/report/html_assets.hpp"
#include "sinks/report/html_chart.hpp"

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

size_t occurrences(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos;
       at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

bool has(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

} // namespace

TEST_SUITE("sinks::report::html") {
  TEST_CASE("a whole page: totals, five charts, a row per finding") {
    const std::string page =
        render("html", fixture_findings(), fixture_summary(),
               ReportOptions{.fail_on = Severity::high});
    CHECK(page.rfind("<!DOCTYPE html>\n", 0) == 0);
    CHECK(page.size() - page.rfind("</html>\n") == 8);
    CHECK(has(page, "<title>veil redact report: 3 findings</title>"));
    CHECK(has(page, "Fails on high: <strong>1 finding at or above</strong>"));
    CHECK(has(page, "<b>2</b><span>redacted</span>"));
    CHECK(occurrences(page, "<svg class=\"chart\"") == 5);
    CHECK(has(page, "<figcaption>By field</figcaption>"));
    CHECK(has(page, "<title>(text line): 1</title>"));
    CHECK(occurrences(page, "<tr><td class=\"num\">") == 3);
    CHECK(has(page, "<td class=\"wrap\"><code>sk-****wxyz</code></td>"));
    CHECK(has(page, "<td>redacted as [EMAIL_ADDRESS_1]</td>"));
    CHECK(has(page, "\nelapsed: 0.123s\n"));
    CHECK(!has(page, "http:"));
    CHECK(!has(page, "https:"));
  }

  TEST_CASE("nothing is fetched: a CSP pins the inline style and script") {
    const std::string page = render("html", {}, Summary{});
    const std::string csp = veil::html_content_security_policy();
    CHECK(csp.rfind("default-src 'none'; style-src 'sha256-", 0) == 0);
    CHECK(has(page, "content=\"" + csp + "\""));
    CHECK(has(page, "<style>" + std::string(veil::html_style()) + "</style>"));
    CHECK(
        has(page, "<script>" + std::string(veil::html_script()) + "</script>"));
    CHECK(!has(page, "http:"));
    CHECK(!has(page, "https:"));
    CHECK(!has(page, " src="));
    CHECK(occurrences(page, "<p class=\"empty\">No findings.</p>") == 5);
  }

  TEST_CASE("input text is escaped everywhere it appears") {
    auto findings = fixture_findings();
    for (Finding& f : findings) {
      f.file = "<img src=x onerror=alert(1)>\".log";
      f.path = "/</script><script>alert(2)</script>";
      f.record_id = "'><b>";
    }
    Summary s = fixture_summary();
    s.by_field.clear();
    for (const Finding& f : findings) {
      ++s.by_field[f.path];
    }
    const std::string page = render("html", findings, s);
    CHECK(!has(page, "<img"));
    CHECK(!has(page, "<script><"));
    CHECK(occurrences(page, "<script>") == 1);
    CHECK(!has(page, "'><b>"));
    CHECK(has(page, "&lt;img src=x onerror=alert(1)&gt;&quot;.log"));
    CHECK(!has(page, "\x1b"));
  }

  TEST_CASE("the table keeps the most severe findings, in input order") {
    std::vector<Finding> findings;
    Summary s;
    for (int i = 0; i < 10002; ++i) {
      Finding f = fixture_findings()[0];
      f.line = static_cast<uint64_t>(i + 1);
      f.severity = i < 2 ? Severity::low : Severity::medium;
      findings.push_back(f);
      s.add(f);
    }
    const std::string page = render("html", findings, s);
    CHECK(occurrences(page, "<tr><td class=\"num\">") == 10000);
    CHECK(has(page, "(the table keeps the 10000 most severe)"));
    CHECK(!has(page, "<tr><td class=\"num\">1</td>"));
    CHECK(has(page, "<tr><td class=\"num\">3</td>"));
    CHECK(page.find("<tr><td class=\"num\">3</td>") <
          page.find("<tr><td class=\"num\">4</td>"));
  }
}

TEST_SUITE("sinks::report::html_chart") {
  TEST_CASE("top_bars: largest first, ties by label, the rest folded") {
    const auto bars =
        veil::top_bars({{"a", 1}, {"b", 5}, {"c", 1}, {"d", 2}, {"e", 1}}, 3);
    REQUIRE(bars.size() == 4);
    CHECK(bars[0].label == "b");
    CHECK(bars[1].label == "d");
    CHECK(bars[2].label == "a");
    CHECK(bars[3].label == "2 others");
    CHECK(bars[3].count == 2);
    CHECK(bars[3].css_class == "others");
  }

  TEST_CASE("one bar per row; long labels cut on a character boundary") {
    const std::string label = std::string(27, 'x') + "\xc3\xa9\xc3\xa9";
    const std::string svg =
        veil::bar_chart_svg("By x", {{label, 4, "sev-high"}, {"y", 1, ""}});
    CHECK(occurrences(svg, "<rect ") == 2);
    CHECK(
        has(svg, "<g class=\"bar sev-high\"><title>" + label + ": 4</title>"));
    CHECK(has(svg, ">" + std::string(27, 'x') + "\xE2\x80\xA6</text>"));
    CHECK(has(svg, "aria-label=\"By x\""));
  }
}
