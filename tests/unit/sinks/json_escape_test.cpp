#include "sinks/json_escape.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <random>
#include <string>

using veil::append_json_string;

namespace {

std::string escaped(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

std::string parsed(const std::string& token) {
  return nlohmann::json::parse(token).get<std::string>();
}

} // namespace

TEST_SUITE("sinks::json_escape") {
  TEST_CASE("plain text is quoted and copied") {
    CHECK(escaped("") == R"("")");
    CHECK(escaped("hello world") == R"("hello world")");
    CHECK(escaped("a longer line of plain ascii text, past eight bytes") ==
          R"("a longer line of plain ascii text, past eight bytes")");
  }

  TEST_CASE("quotes and backslashes") {
    CHECK(escaped(R"(say "hi")") == R"("say \"hi\"")");
    CHECK(escaped(R"(C:\path\x)") == R"("C:\\path\\x")");
    CHECK(escaped(R"(0123456789"\)") == R"("0123456789\"\\")");
  }

  TEST_CASE("control characters") {
    CHECK(escaped("\b\f\n\r\t") == R"("\b\f\n\r\t")");
    CHECK(escaped(std::string("\0\x01\x1f", 3)) == R"("\u0000\u0001\u001f")");
    CHECK(escaped("line one\nline two, long") ==
          R"("line one\nline two, long")");
    // DEL is allowed unescaped in JSON.
    CHECK(escaped("\x7f") == "\"\x7f\"");
  }

  TEST_CASE("valid UTF-8 passes through") {
    const std::string text = "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x94\x91 "
                             "\xe4\xb8\xad\xe6\x96\x87 text after";
    CHECK(escaped(text) == '"' + text + '"');
    CHECK(parsed(escaped(text)) == text);
  }

  TEST_CASE("invalid UTF-8 becomes U+FFFD, one per byte") {
    CHECK(escaped("a\xff"
                  "b") == R"("a\ufffdb")");
    // Truncated sequence at the end, and in the middle of a long run.
    CHECK(escaped("\xe2\x82") == R"("\ufffd\ufffd")");
    CHECK(escaped("abcdefgh\xc3xyz") == R"("abcdefgh\ufffdxyz")");
    // Overlong '/', a UTF-16 surrogate, and a code point over U+10FFFF.
    CHECK(escaped("\xc0\xaf") == R"("\ufffd\ufffd")");
    CHECK(escaped("\xed\xa0\x80") == R"("\ufffd\ufffd\ufffd")");
    CHECK(escaped("\xf4\x90\x80\x80") == R"("\ufffd\ufffd\ufffd\ufffd")");
    CHECK(parsed(escaped("x\x80y")) == "x\xef\xbf\xbdy");
  }

  TEST_CASE("appends to what is already in out") {
    std::string out = "{\"k\":";
    append_json_string(out, "v");
    CHECK(out == R"({"k":"v")");
  }

  TEST_CASE("random bytes always give a token that parses back") {
    // Pieces chosen to hit every branch: plain runs, escapes, valid and
    // broken multi-byte sequences, at every alignment of the 8-byte scan.
    const std::string pieces[] = {"a",
                                  "plain text",
                                  "\"",
                                  "\\",
                                  "\n",
                                  "\x01",
                                  "\x1f",
                                  " ",
                                  "\xc3\xa9",
                                  "\xe2\x82\xac",
                                  "\xf0\x9f\x94\x91",
                                  "\xff",
                                  "\xc3",
                                  "\xe2\x82",
                                  "\xed\xa0\x80",
                                  "\x80",
                                  "\xf5",
                                  "12345678",
                                  "\x7f"};
    std::mt19937 rng(12345);
    for (int round = 0; round < 2000; ++round) {
      std::string input;
      const int count = static_cast<int>(rng() % 12);
      for (int k = 0; k < count; ++k) {
        input += pieces[rng() % std::size(pieces)];
      }
      const std::string token = escaped(input);
      std::string back;
      REQUIRE_NOTHROW(back = parsed(token));
      bool valid_utf8 = true;
      try {
        (void)nlohmann::json(input).dump();
      } catch (const nlohmann::json::type_error&) {
        valid_utf8 = false;
      }
      if (valid_utf8) {
        CHECK(back == input);
      } else {
        CHECK(back.find("\xef\xbf\xbd") != std::string::npos);
      }
    }
  }

  TEST_CASE("fully random bytes at every length give valid JSON") {
    std::mt19937 rng(777);
    for (size_t length = 0; length < 300; ++length) {
      std::string input(length, '\0');
      for (char& c : input) {
        // Mostly ASCII so runs of plain bytes reach the 8-byte fast path.
        c = static_cast<char>(rng() % 4 == 0 ? rng() % 256 : 'a' + rng() % 26);
      }
      const std::string token = escaped(input);
      CHECK_NOTHROW((void)parsed(token));
    }
  }
}
