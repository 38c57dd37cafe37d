#include "actions/raw_offset.hpp"

#include <doctest/doctest.h>

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

} // TEST_SUITE

} // namespace
} // namespace veil
