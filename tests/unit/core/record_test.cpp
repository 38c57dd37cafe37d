#include "core/record.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace veil {
namespace {

TEST_SUITE("core::record") {

  TEST_CASE("directions have report names") {
    CHECK(to_string(Direction::unknown) == "unknown");
    CHECK(to_string(Direction::input) == "input");
    CHECK(to_string(Direction::output) == "output");
    CHECK(to_string(Direction::system) == "system");
  }

  TEST_CASE("a default Record is an empty text record") {
    Record record;
    CHECK(record.kind == RecordKind::text);
    CHECK_FALSE(record.invalid_utf8);
    CHECK(record.fields.empty());
    Field field;
    CHECK(field.direction == Direction::unknown);
    CHECK_FALSE(field.is_key);
    CHECK_FALSE(field.is_json);
  }

  TEST_CASE("a field reused after clear() is reset, its block reused") {
    FieldList fields;
    Field& first = fields.add("/messages/0/content/with/a/long/pointer");
    CHECK(first.pointer == "/messages/0/content/with/a/long/pointer");
    first.text = "some text";
    first.role = "assistant";
    first.raw_begin = 3;
    first.raw_end = 9;
    first.direction = Direction::output;
    first.is_key = true;
    first.is_json = true;
    first.cut_start = true;
    first.decoded_from = 1 << 20;
    const char* block = first.pointer.data();
    fields.clear();
    CHECK(fields.empty());
    Field& again = fields.add();
    CHECK(&again == &first);
    CHECK(again.pointer.empty());
    CHECK(again.text.empty());
    CHECK(again.role.empty());
    CHECK(again.raw_begin == 0);
    CHECK(again.raw_end == 0);
    CHECK(again.direction == Direction::unknown);
    CHECK_FALSE(again.is_key);
    CHECK_FALSE(again.is_json);
    CHECK_FALSE(again.cut_start);
    CHECK(again.decoded_from == 0);
    CHECK(fields.add("/messages/1/content").pointer.data() == block);
    CHECK(fields.size() == 2);
  }

  TEST_CASE("kept texts stay in place as more are kept and the list moves") {
    FieldList fields;
    std::vector<std::string_view> kept;
    std::vector<std::string> texts;
    for (size_t i = 0; i < 400; ++i) {
      // Sizes from 0 to 9,999 bytes: some fill a block, some need their own.
      texts.push_back(std::string(i * 7919 % 10000, char('a' + i % 26)));
      kept.push_back(fields.keep(texts.back(), 4096));
      fields.add().text = kept.back();
    }
    FieldList moved = std::move(fields);
    CHECK(fields.empty());
    for (size_t i = 0; i < texts.size(); ++i) {
      CHECK(kept[i] == texts[i]);
      CHECK(moved[i].text.data() == kept[i].data());
    }
  }

  TEST_CASE("blocks are reused after clear(), so memory stays flat") {
    FieldList fields;
    auto fill = [&fields] {
      fields.clear();
      for (size_t i = 0; i < 100; ++i) {
        fields.add().text = fields.keep(std::string(300, 'x'), 1000);
      }
    };
    fill();
    size_t held = fields.retained_bytes();
    CHECK(held >= 100 * 300);
    for (int round = 0; round < 10; ++round) {
      fill();
    }
    CHECK(fields.retained_bytes() == held);
  }

  TEST_CASE("lists that share an arena keep their texts in its blocks") {
    TextArena arena(1024);
    FieldList first;
    FieldList second;
    first.share_texts(&arena);
    second.share_texts(&arena);
    const size_t own = first.retained_bytes();
    std::string_view a = first.add("/a", 16).pointer;
    std::string_view b = second.keep("text", 16); // min_block wins
    CHECK(a == "/a");
    CHECK(b == "text");
    CHECK(b.data() == a.data() + a.size()); // one block, in turn
    CHECK(arena.retained_bytes() == 1024);
    CHECK(first.retained_bytes() - own == sizeof(Field)); // the field only
    first.clear(); // the arena's owner clears the texts, not a list
    CHECK(b == "text");
    arena.clear();
    CHECK(second.keep("again", 16).data() == a.data());
    CHECK(arena.retained_bytes() == 1024);
    second.share_texts(nullptr);
    CHECK(second.keep("own", 16).data() != a.data() + 5);
    CHECK(arena.retained_bytes() == 1024);
  }

  TEST_CASE("a text larger than the arena's blocks gets a block of its own") {
    TextArena arena(64);
    std::string large(1000, 'x');
    std::string_view small = arena.keep("small", 8);
    std::string_view kept = arena.keep(large, 8);
    CHECK(kept == large);
    CHECK(small == "small");
    CHECK(arena.retained_bytes() == 64 + 1000);
  }

  TEST_CASE("push_back, truncate and iteration see only the used fields") {
    FieldList fields = {Field{}, Field{}, Field{}};
    for (size_t i = 0; i < fields.size(); ++i) {
      fields[i].pointer = i == 0 ? "/0" : i == 1 ? "/1" : "/2";
    }
    fields.truncate(2);
    fields[0].pointer = fields.keep(fields[0].pointer);
    fields[1].pointer = fields.keep(fields[1].pointer);
    Field extra;
    extra.pointer = "/extra";
    fields.push_back(extra);
    std::string seen;
    for (const Field& f : fields) {
      seen += f.pointer;
    }
    CHECK(seen == "/0/1/extra");
  }

} // TEST_SUITE

} // namespace
} // namespace veil
