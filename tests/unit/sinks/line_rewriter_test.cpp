#include "sinks/line_rewriter.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

using veil::rewrite_line;
using veil::TokenEdit;

namespace {

// The edit that replaces the JSON string token `token` (quotes included),
// found by its first occurrence in line.
TokenEdit json_edit(std::string_view line, std::string_view token,
                    std::string text) {
  const size_t at = line.find(token);
  REQUIRE(at != std::string_view::npos);
  return TokenEdit{static_cast<uint32_t>(at),
                   static_cast<uint32_t>(at + token.size()), std::move(text),
                   true};
}

std::string rewrite(std::string_view line, const std::vector<TokenEdit>& e) {
  std::string out;
  rewrite_line(line, e, out);
  return out;
}

} // namespace

TEST_SUITE("sinks::line_rewriter") {
  TEST_CASE("no edits copies the line") {
    const std::string line = R"({"a": 1.50e+2,  "b" : "x"})";
    CHECK(rewrite(line, {}) == line);
  }

  TEST_CASE("JSON edits replace whole tokens, the rest stays byte for byte") {
    const std::string line =
        R"({"id": 7, "messages":[ {"role":"user","content":"mail bob@x.io"},)"
        R"( {"content" : "key sk-123\n"} ], "n": 1.0E3 })";
    std::vector<TokenEdit> edits = {
        json_edit(line, R"("mail bob@x.io")", "mail [EMAIL_ADDRESS_1]"),
        json_edit(line, R"("key sk-123\n")", "key \"[SECRET]\"\n"),
    };
    const std::string out = rewrite(line, edits);
    CHECK(out == R"({"id": 7, "messages":[ {"role":"user","content":)"
                 R"("mail [EMAIL_ADDRESS_1]"},)"
                 R"( {"content" : "key \"[SECRET]\"\n"} ], "n": 1.0E3 })");
    const auto doc = nlohmann::json::parse(out);
    CHECK(doc["messages"][0]["content"] == "mail [EMAIL_ADDRESS_1]");
    CHECK(doc["messages"][1]["content"] == "key \"[SECRET]\"\n");
    // The bytes before the first edit and after the last are untouched.
    CHECK(out.substr(0, edits[0].raw_begin) ==
          line.substr(0, edits[0].raw_begin));
    const size_t tail = line.size() - edits[1].raw_end;
    CHECK(out.substr(out.size() - tail) == line.substr(edits[1].raw_end));
  }

  TEST_CASE("edits at the very start and end, and adjacent edits") {
    const std::string line = R"("abc""def")";
    std::vector<TokenEdit> edits = {{0, 5, "x", true}, {5, 10, "y\t", true}};
    CHECK(rewrite(line, edits) == R"("x""y\t")");
  }

  TEST_CASE("replacement text with invalid UTF-8 still gives valid JSON") {
    const std::string line = R"({"k":"v"})";
    const std::string out = rewrite(line, {json_edit(line, R"("v")", "\xff")});
    CHECK(out == R"({"k":"\ufffd"})");
    CHECK(nlohmann::json::parse(out).is_object());
  }

  TEST_CASE("text edits are verbatim") {
    const std::string line = "user alice@example.com said \"hi\"";
    std::vector<TokenEdit> edits = {{5, 22, "[EMAIL_ADDRESS_1]", false},
                                    {28, 32, "", false}};
    CHECK(rewrite(line, edits) == "user [EMAIL_ADDRESS_1] said ");
  }

  TEST_CASE("appends to out") {
    std::string out = "first\n";
    rewrite_line("second", {{0, 6, "2nd", false}}, out);
    CHECK(out == "first\n2nd");
  }
}
