#include "source/line_splitter.hpp"
#include "source_test_util.hpp"

#include <doctest/doctest.h>

#include <ostream>
#include <random>
#include <string>
#include <vector>

namespace veil {
namespace {

using test::ChunkedSource;

// An owning copy of a RawLine, comparable in CHECKs.
struct Line {
  uint64_t number;
  std::string bom;
  std::string content;
  std::string terminator;
  bool too_long;

  bool operator==(const Line&) const = default;
};

// Found by ADL from doctest, so a failed CHECK prints both sides.
std::ostream& operator<<(std::ostream& os, const std::vector<Line>& lines) {
  for (const Line& line : lines) {
    os << "{" << line.number << " bom=" << line.bom.size()
       << " content=" << line.content.size()
       << "B term=" << line.terminator.size()
       << (line.too_long ? " too_long" : "") << "} ";
  }
  return os;
}

std::vector<Line> split(const std::string& input, size_t max_line_bytes,
                        std::vector<size_t> chunks = {}) {
  LineSplitter splitter(std::make_unique<ChunkedSource>(input, chunks),
                        max_line_bytes);
  std::vector<Line> lines;
  RawLine raw;
  while (splitter.next(raw)) {
    lines.push_back(Line{raw.number, std::string(raw.bom),
                         std::string(raw.content), std::string(raw.terminator),
                         raw.too_long});
  }
  CHECK_FALSE(splitter.next(raw)); // stays at end
  return lines;
}

// Splits input whole and in 1, 2-3 and 3-1-2 byte reads; all must agree.
std::vector<Line> split_all_ways(const std::string& input,
                                 size_t max_line_bytes = 1000) {
  const std::vector<Line> whole = split(input, max_line_bytes);
  for (const std::vector<size_t>& chunks :
       std::vector<std::vector<size_t>>{{1}, {2, 3}, {3, 1, 2}}) {
    CHECK(split(input, max_line_bytes, chunks) == whole);
  }
  return whole;
}

std::string rejoin(const std::vector<Line>& lines) {
  std::string out;
  for (const Line& line : lines) {
    out += line.bom + line.content + line.terminator;
  }
  return out;
}

const std::string k_bom = "\xEF\xBB\xBF";

} // namespace

TEST_SUITE("source::line_splitter") {

  TEST_CASE("LF lines, no extra line after the final newline") {
    const auto lines = split_all_ways("a\nbc\n");
    CHECK(lines == std::vector<Line>{{1, "", "a", "\n", false},
                                     {2, "", "bc", "\n", false}});
  }

  TEST_CASE("CRLF and mixed terminators") {
    CHECK(split_all_ways("a\r\nb\r\n") ==
          std::vector<Line>{{1, "", "a", "\r\n", false},
                            {2, "", "b", "\r\n", false}});
    CHECK(split_all_ways("a\r\nb\nc\r\n") ==
          std::vector<Line>{{1, "", "a", "\r\n", false},
                            {2, "", "b", "\n", false},
                            {3, "", "c", "\r\n", false}});
  }

  TEST_CASE("a lone CR stays in the content") {
    CHECK(split_all_ways("a\rb\n") ==
          std::vector<Line>{{1, "", "a\rb", "\n", false}});
    CHECK(split_all_ways("a\r\r\n") ==
          std::vector<Line>{{1, "", "a\r", "\r\n", false}});
    CHECK(split_all_ways("a\r") ==
          std::vector<Line>{{1, "", "a\r", "", false}});
    CHECK(split_all_ways("\r\n") ==
          std::vector<Line>{{1, "", "", "\r\n", false}});
  }

  TEST_CASE("last line without a newline") {
    CHECK(split_all_ways("a\nb") == std::vector<Line>{{1, "", "a", "\n", false},
                                                      {2, "", "b", "", false}});
  }

  TEST_CASE("empty input yields no lines") {
    CHECK(split_all_ways("").empty());
  }

  TEST_CASE("empty lines are kept") {
    CHECK(split_all_ways("\n") == std::vector<Line>{{1, "", "", "\n", false}});
    CHECK(split_all_ways("a\n\n\r\nb\n") ==
          std::vector<Line>{{1, "", "a", "\n", false},
                            {2, "", "", "\n", false},
                            {3, "", "", "\r\n", false},
                            {4, "", "b", "\n", false}});
  }

  TEST_CASE("UTF-8 BOM at the start belongs to line 1 only") {
    CHECK(split_all_ways(k_bom + "a\nb\n") ==
          std::vector<Line>{{1, k_bom, "a", "\n", false},
                            {2, "", "b", "\n", false}});
    CHECK(split_all_ways(k_bom) ==
          std::vector<Line>{{1, k_bom, "", "", false}});
    CHECK(split_all_ways(k_bom + "\r\n") ==
          std::vector<Line>{{1, k_bom, "", "\r\n", false}});
    // Not at the very start: plain content.
    CHECK(split_all_ways("a\n" + k_bom + "b") ==
          std::vector<Line>{{1, "", "a", "\n", false},
                            {2, "", k_bom + "b", "", false}});
    // A partial BOM is content too.
    CHECK(split_all_ways("\xEF\xBB") ==
          std::vector<Line>{{1, "", "\xEF\xBB", "", false}});
    CHECK(split_all_ways("\xEF\xBBx\n") ==
          std::vector<Line>{{1, "", "\xEF\xBBx", "\n", false}});
  }

  TEST_CASE("BOM does not count toward the line limit") {
    CHECK(split_all_ways(k_bom + "abc\n", 3) ==
          std::vector<Line>{{1, k_bom, "abc", "\n", false}});
  }

  TEST_CASE("lines over the limit are flagged, with their terminator") {
    CHECK(split_all_ways("abc\nabcd\nab\n", 3) ==
          std::vector<Line>{{1, "", "abc", "\n", false},
                            {2, "", "", "\n", true},
                            {3, "", "ab", "\n", false}});
    // The CR of CRLF is not content: "abc\r\n" fits in 3.
    CHECK(split_all_ways("abc\r\nabcdefgh\r\nx", 3) ==
          std::vector<Line>{{1, "", "abc", "\r\n", false},
                            {2, "", "", "\r\n", true},
                            {3, "", "x", "", false}});
    CHECK(split_all_ways("abcdefgh", 3) ==
          std::vector<Line>{{1, "", "", "", true}});
    CHECK(split_all_ways("abcd", 3) ==
          std::vector<Line>{{1, "", "", "", true}});
    CHECK(split_all_ways("abc\r", 3) ==
          std::vector<Line>{{1, "", "", "", true}});
  }

  TEST_CASE("a zero limit lets only empty lines through") {
    CHECK(split_all_ways("\na\n\r\n", 0) ==
          std::vector<Line>{{1, "", "", "\n", false},
                            {2, "", "", "\n", true},
                            {3, "", "", "\r\n", false}});
  }

  TEST_CASE("long lines crossing blocks: exact bytes, right terminators") {
    // Big enough to cross the splitter's 1 MiB block several times, with lines
    // that need the buffer to grow (max 3 MiB) and lines that must be skipped.
    const size_t max = 3 * 1024 * 1024;
    std::mt19937 rng(42);
    std::string input;
    std::vector<Line> expected;
    for (uint64_t number = 1; input.size() < 12 * 1024 * 1024; ++number) {
      size_t len = rng() % 2000;
      const unsigned pick = rng() % 40;
      if (pick == 0) {
        len = 1024 * 1024 + rng() % (3 * 1024 * 1024); // around the limit
      } else if (pick == 1) {
        len = max - 1 + rng() % 3; // at the limit, one under or one over
      }
      std::string content(len, static_cast<char>('a' + number % 26));
      if (len > 0 && rng() % 7 == 0) {
        content[rng() % len] = '\r'; // a lone CR inside the line
      }
      const std::string term = rng() % 3 == 0 ? "\r\n" : "\n";
      input += content + term;
      const bool too_long = len > max;
      expected.push_back(
          Line{number, "", too_long ? "" : content, term, too_long});
    }
    CHECK(split(input, max) == expected);
    CHECK(split(input, max, {4093, 65536, 1}) == expected);
  }

  TEST_CASE("rejoining every line reproduces the input") {
    std::mt19937 rng(7);
    const std::string alphabet = "ab\r\n\n\xEF\xBB\xBF";
    for (int round = 0; round < 300; ++round) {
      std::string input = round % 3 == 0 ? k_bom : "";
      const size_t len = rng() % 64;
      for (size_t i = 0; i < len; ++i) {
        input += alphabet[rng() % alphabet.size()];
      }
      CAPTURE(input);
      const auto lines = split(input, 1000, {1 + rng() % 5, 1 + rng() % 5});
      CHECK(rejoin(lines) == input);
      CHECK(lines == split(input, 1000));
    }
  }

  // Pieces: each line comes whole or as pieces whose own bytes rejoin it,
  // each window the bytes of the line at its offset, cut at UTF-8
  // character starts, with the context either side of its own bytes.
  TEST_CASE("long lines come in pieces that rejoin them") {
    constexpr size_t k_piece = 64;
    constexpr size_t k_context = 16;
    const LinePieces pieces{4 * k_piece, k_piece, k_context};
    std::mt19937 rng(11);
    const std::vector<std::string> alphabet = {"a", " ", "\xC3\xA9",
                                               "\xE2\x82\xAC", "\r"};
    for (int round = 0; round < 200; ++round) {
      std::string input = round % 4 == 0 ? k_bom : "";
      std::vector<std::string> contents;
      for (size_t n = 1 + rng() % 3; n > 0; --n) {
        std::string content;
        for (size_t len = rng() % 1200; content.size() < len;) {
          content += alphabet[rng() % alphabet.size()];
        }
        if (content.ends_with("\r")) {
          content += "a"; // else its terminator would be "\r\n"
        }
        contents.push_back(content);
        input += content + (rng() % 2 ? "\r\n" : "\n");
      }
      if (rng() % 2 && !contents.empty() && !contents.back().empty()) {
        input.erase(input.size() - (input.ends_with("\r\n") ? 2 : 1));
      }
      CAPTURE(round);
      const size_t chunk = 1 + rng() % 300;
      LineSplitter splitter(
          std::make_unique<ChunkedSource>(input, std::vector<size_t>{chunk}),
          1 << 20, pieces);
      RawLine raw;
      std::string rejoined;
      std::string line; // the line being rejoined from its pieces
      size_t index = 0;
      while (splitter.next(raw)) {
        rejoined += raw.bom;
        if (!raw.piece) {
          REQUIRE(index < contents.size());
          CHECK(raw.content == contents[index]);
          CHECK(raw.content.size() <= 4 * k_piece);
          ++index;
          rejoined += std::string(raw.content) + std::string(raw.terminator);
          continue;
        }
        const LinePiece& p = *raw.piece;
        REQUIRE(index < contents.size());
        const std::string& whole = contents[index];
        CHECK(p.first == line.empty());
        CHECK(p.offset + p.keep_begin == line.size());
        CHECK(raw.content ==
              std::string_view(whole).substr(p.offset, raw.content.size()));
        CHECK(p.keep_end - p.keep_begin <= k_piece + (p.last ? k_context : 0));
        CHECK(p.keep_begin >=
              std::min<size_t>(p.offset + p.keep_begin, k_context - 3));
        if (!p.last) {
          CHECK(raw.content.size() - p.keep_end >= k_context - 3);
          CHECK(raw.terminator.empty());
        }
        for (size_t cut : {size_t(p.keep_begin), size_t(p.keep_end)}) {
          if (cut < raw.content.size()) {
            CHECK((static_cast<unsigned char>(raw.content[cut]) & 0xC0) !=
                  0x80);
          }
        }
        line += raw.content.substr(p.keep_begin, p.keep_end - p.keep_begin);
        if (p.last) {
          CHECK(line == whole);
          rejoined += line + std::string(raw.terminator);
          line.clear();
          ++index;
        }
      }
      CHECK(index == contents.size());
      CHECK(rejoined == input);
    }
  }

  TEST_CASE("lines are cut only when the limit lets them be that long") {
    const LinePieces pieces{100, 40, 8};
    const std::string input = std::string(150, 'x') + "\n";
    const std::vector<size_t> chunks = {10};
    LineSplitter small(std::make_unique<ChunkedSource>(input, chunks), 90,
                       pieces);
    RawLine raw;
    REQUIRE(small.next(raw));
    CHECK(raw.too_long);
    CHECK_FALSE(raw.piece);
    LineSplitter large(std::make_unique<ChunkedSource>(input, chunks), 1000,
                       pieces);
    REQUIRE(large.next(raw));
    CHECK(raw.piece);
  }

} // TEST_SUITE

} // namespace veil
