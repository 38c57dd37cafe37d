#include "actions/raw_offset.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

namespace veil {
namespace {

TEST_SUITE("actions::raw_offset") {

  TEST_CASE("without escapes the offset moves past the opening quote") {
    CHECK(raw_offset_in_token(R"("abc")", 0) == 1);
    CHECK(raw_offset_in_token(R"("abc")", 2) == 3);
    CHECK(raw_offset_in_token(R"("abc")", 3) == 4); // the closing quote
    CHECK(raw_offset_in_token(R"("")", 0) == 1);
  }

  TEST_CASE("two-character escapes") {
    // decoded: a \n b " c \ d / e
    const char* token = R"("a\nb\"c\\d\/e")";
    CHECK(raw_offset_in_token(token, 1) == 2);
    CHECK(raw_offset_in_token(token, 2) == 4);
    CHECK(raw_offset_in_token(token, 3) == 5);
    CHECK(raw_offset_in_token(token, 4) == 7);
    CHECK(raw_offset_in_token(token, 6) == 10);
    CHECK(raw_offset_in_token(token, 8) == 13);
    CHECK(raw_offset_in_token(R"("\t\r\b\fx")", 4) == 9);
  }

  TEST_CASE("\\u escapes count the UTF-8 bytes they decode to") {
    CHECK(raw_offset_in_token(R"("\u0041x")", 1) == 7);        // 1 byte
    CHECK(raw_offset_in_token(R"("\u00e9x")", 2) == 7);        // 2 bytes
    CHECK(raw_offset_in_token(R"("\u00E9x")", 2) == 7);        // upper-case hex
    CHECK(raw_offset_in_token(R"("\u20acx")", 3) == 7);        // 3 bytes
    CHECK(raw_offset_in_token(R"("\ud83d\ude00x")", 4) == 13); // pair: 4 bytes
    CHECK(raw_offset_in_token(R"("a\u00e9\ud83d\ude00b")", 7) == 20);
  }

  TEST_CASE("raw UTF-8 is one byte for one byte") {
    CHECK(raw_offset_in_token("\"\xC3\xA9x\"", 2) == 3);
    CHECK(raw_offset_in_token("\"\xF0\x9F\x98\x80x\"", 4) == 5);
  }

  TEST_CASE("an offset past the end stops at the closing quote") {
    CHECK(raw_offset_in_token(R"("ab")", 10) == 3);
    CHECK(raw_offset_in_token(R"("a\n")", 10) == 4);
  }

  TEST_CASE("RawColumns gives raw_column's answers for rising offsets, and "
            "for an offset that goes back") {
    // A line with a JSON string token of escapes of every width, and text.
    const std::string line =
        R"({"k": "a\n\u00e9b\ud83d\ude00 c\"\u20ac\\d \u0041xyz"})";
    Record record;
    record.content = line;
    Field json;
    json.raw_begin = uint32_t(line.find('"', 5));
    json.raw_end = uint32_t(line.rfind('"') + 1);
    json.is_json = true;
    Field text; // a text line's field: offsets are the line's
    text.raw_begin = 0;
    text.raw_end = uint32_t(line.size());
    std::mt19937 rng(3);
    for (const Field* field : {&json, &text}) {
      for (int round = 0; round < 200; ++round) {
        RawColumns columns(record, *field);
        size_t start = 0;
        for (int i = 0; i < 12; ++i) {
          start = rng() % 4 == 0 ? rng() % 24 : start + rng() % 3;
          CHECK(columns.column(start) == raw_column(record, *field, start));
        }
      }
    }
    RawColumns columns(record, json);
    CHECK(columns.column(2) == json.raw_begin + 4 + 1);  // é, after a\n
    CHECK(columns.column(1) == json.raw_begin + 2 + 1);  // back to \n
    CHECK(columns.column(9) == json.raw_begin + 23 + 1); // after the pair
  }

} // TEST_SUITE

} // namespace
} // namespace veil
