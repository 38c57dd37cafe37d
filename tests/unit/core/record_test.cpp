#include "core/record.hpp"

#include <doctest/doctest.h>

#include <string>

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

  TEST_CASE("a field reused after clear() is reset but keeps its buffers") {
    FieldList fields;
    Field& first = fields.add();
    first.pointer = "/messages/0/content";
    first.text = std::string(100, 'x');
    first.role = "assistant";
    first.raw_begin = 3;
    first.raw_end = 9;
    first.direction = Direction::output;
    first.is_key = true;
    first.is_json = true;
    const char* buffer = first.text.data();
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
    again.text.assign(50, 'y');
    CHECK(again.text.data() == buffer);
    CHECK(fields.size() == 1);
  }

  TEST_CASE("a long text's buffer is not kept, so memory stays flat") {
    FieldList fields;
    fields.add().text = std::string(1 << 20, 'x');
    size_t held = fields.retained_bytes();
    CHECK(held >= (1 << 20));
    fields.clear();
    fields.add();
    CHECK(fields.retained_bytes() < held - (1 << 19));
  }

  TEST_CASE("push_back, truncate and iteration see only the used fields") {
    FieldList fields = {Field{}, Field{}, Field{}};
    for (size_t i = 0; i < fields.size(); ++i) {
      fields[i].pointer = "/" + std::to_string(i);
    }
    fields.truncate(2);
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
