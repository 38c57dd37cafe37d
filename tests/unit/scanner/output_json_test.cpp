#include "rule_util.hpp"
#include "scanner/output_json.hpp"

#include <doctest/doctest.h>

namespace veil {
namespace {

using test::make_field;

TEST_SUITE("scanner::output_json") {

  TEST_CASE("one JSON value with whitespace around it parses") {
    CHECK(parses_as_json(R"({"answer": 42})"));
    CHECK(parses_as_json("  [1, 2, 3]\n"));
    CHECK(parses_as_json("\"just a string\""));
    CHECK_FALSE(parses_as_json("```json\n{\"answer\": 42}\n```"));
    CHECK_FALSE(parses_as_json("Here you go: {\"answer\": 42}"));
    CHECK_FALSE(parses_as_json(R"({"answer": 42} {"answer": 43})"));
    CHECK_FALSE(parses_as_json(R"({"answer": 42,})"));
    CHECK_FALSE(parses_as_json(""));
  }

  TEST_CASE("answers are assistant content, not reasoning or tool calls") {
    auto out = [](const char* pointer) {
      return make_field("x", pointer, Direction::output);
    };
    CHECK(is_answer_field(out("/choices/0/message/content")));
    CHECK(is_answer_field(out("/messages/2/content")));
    CHECK(is_answer_field(out("/content/0/text")));
    CHECK(is_answer_field(out("/completion")));
    CHECK_FALSE(is_answer_field(out("/choices/0/message/reasoning_content")));
    CHECK_FALSE(is_answer_field(
        out("/choices/0/message/tool_calls/0/function/arguments")));
    CHECK_FALSE(is_answer_field(out("/choices/0/delta/content")));
    CHECK_FALSE(is_answer_field(
        make_field("x", "/messages/1/content", Direction::input)));
    CHECK_FALSE(is_answer_field(make_field("x", "", Direction::unknown)));
  }
}

} // namespace
} // namespace veil
