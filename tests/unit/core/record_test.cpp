#include "core/record.hpp"

#include <doctest/doctest.h>

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

} // TEST_SUITE

} // namespace
} // namespace veil
