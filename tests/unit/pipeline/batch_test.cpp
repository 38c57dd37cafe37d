#include "pipeline/batch.hpp"

#include <doctest/doctest.h>

#include <string>

namespace veil {
namespace {

RawLine raw(uint64_t number, std::string_view bom, std::string_view content,
            std::string_view terminator, bool too_long = false) {
  RawLine line;
  line.number = number;
  line.bom = bom;
  line.content = content;
  line.terminator = terminator;
  line.too_long = too_long;
  return line;
}

TEST_SUITE("pipeline::batch") {

  TEST_CASE("raw_line gives back bom + content + terminator") {
    Batch batch;
    batch.add(raw(1, "\xEF\xBB\xBF", R"({"a":"x"})", "\r\n"));
    batch.add(raw(2, "", "", "\n"));
    batch.add(raw(3, "", "plain", "\n"));
    batch.add(raw(4, "", "last", ""));
    REQUIRE(batch.lines.size() == 4);
    CHECK(batch.raw_line(0) == "\xEF\xBB\xBF{\"a\":\"x\"}\r\n");
    CHECK(batch.raw_line(1) == "\n");
    CHECK(batch.raw_line(2) == "plain\n");
    CHECK(batch.raw_line(3) == "last");
    CHECK(batch.storage == "\xEF\xBB\xBF{\"a\":\"x\"}\r\n\nplain\nlast");
  }

  TEST_CASE("slots record each piece's place and size") {
    Batch batch;
    batch.add(raw(7, "\xEF\xBB\xBF", "ab", "\r\n"));
    batch.add(raw(8, "", "cde", "\n"));
    const LineSlot& first = batch.lines[0];
    CHECK(first.number == 7);
    CHECK(first.begin == 3);
    CHECK(first.length == 2);
    CHECK(first.bom_length == 3);
    CHECK(first.terminator_length == 2);
    CHECK_FALSE(first.too_long);
    const LineSlot& second = batch.lines[1];
    CHECK(second.number == 8);
    CHECK(second.begin == 7);
    CHECK(second.length == 3);
    CHECK(second.bom_length == 0);
    CHECK(second.terminator_length == 1);
    CHECK(std::string_view(batch.storage).substr(second.begin, second.length) ==
          "cde");
  }

  TEST_CASE("a too-long line keeps its flag and terminator") {
    Batch batch;
    batch.add(raw(5, "", "", "\n", true));
    CHECK(batch.lines[0].too_long);
    CHECK(batch.lines[0].length == 0);
    CHECK(batch.raw_line(0) == "\n");
  }

  TEST_CASE("a batch is full at 4096 lines") {
    Batch batch;
    for (int i = 0; i < 4095; ++i) {
      batch.add(raw(i + 1, "", "x", "\n"));
    }
    CHECK_FALSE(batch.full());
    batch.add(raw(4096, "", "x", "\n"));
    CHECK(batch.full());
  }

  TEST_CASE("a batch is full at 1 MiB") {
    Batch batch;
    CHECK_FALSE(batch.full());
    const std::string half(512 * 1024 - 1, 'a');
    batch.add(raw(1, "", half, "\n"));
    CHECK_FALSE(batch.full());
    batch.add(raw(2, "", half, ""));
    CHECK_FALSE(batch.full()); // one byte short
    batch.add(raw(3, "", "", "\n"));
    CHECK(batch.full());
    CHECK(batch.raw_line(1) == half);
  }

  TEST_CASE("clear() empties lines and last results, keeping records") {
    Batch batch;
    batch.add(raw(1, "", "first line", "\n"));
    batch.records.resize(1);
    batch.records[0].fields.add().text = "the reader clears it";
    batch.matches.resize(1);
    batch.matches[0].push_back(Match{});
    batch.drops.resize(1);
    batch.drops[0].push_back(Drop{});
    batch.plans.resize(1);
    batch.plans[0].dropped_fields = 2;
    batch.clear();
    CHECK(batch.storage.empty());
    CHECK(batch.lines.empty());
    REQUIRE(batch.records.size() == 1);
    CHECK(batch.records[0].fields.size() == 1);
    REQUIRE(batch.matches.size() == 1);
    CHECK(batch.matches[0].empty());
    CHECK(batch.drops[0].empty());
    CHECK(batch.plans[0].dropped_fields == 0);
    batch.add(raw(2, "", "second", ""));
    CHECK(batch.raw_line(0) == "second");
    CHECK(batch.lines[0].number == 2);
  }

  TEST_CASE("a batch that held a very long line is not kept") {
    Batch batch;
    batch.add(raw(1, "", "short", "\n"));
    CHECK(batch.worth_keeping());
    batch.add(raw(2, "", std::string(8 << 20, 'a'), "\n"));
    batch.clear();
    CHECK_FALSE(batch.worth_keeping()); // its buffer stays that large
  }

  TEST_CASE("a batch whose records kept many texts is not kept") {
    Batch batch;
    batch.records.resize(1);
    batch.records[0].fields.share_texts(&batch.texts);
    batch.records[0].fields.keep(std::string(1 << 20, 'a'));
    batch.clear();
    CHECK(batch.worth_keeping());
    batch.records[0].fields.keep(std::string(8 << 20, 'b'));
    batch.clear();
    CHECK_FALSE(batch.worth_keeping()); // its arena stays that large
  }

  TEST_CASE("records whose kept fields hold much memory are not kept") {
    Batch batch;
    batch.records.resize(2);
    batch.records[0].fields.add("/messages/0/content");
    CHECK(batch.records_worth_keeping());
    // A line of many strings: each field object stays for the next line.
    for (size_t i = 0; i < 200000; ++i) {
      batch.records[1].fields.add("/a/" + std::to_string(i));
    }
    CHECK_FALSE(batch.records_worth_keeping());
  }

} // TEST_SUITE

} // namespace
} // namespace veil
