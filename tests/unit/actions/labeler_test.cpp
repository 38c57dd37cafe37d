#include "actions/labeler.hpp"

#include <doctest/doctest.h>

#include <string>

namespace veil {
namespace {

TEST_SUITE("actions::labeler") {

  TEST_CASE("distinct values are numbered per entity in order of appearance") {
    Labeler labeler;
    CHECK(labeler.label("EMAIL_ADDRESS", "a@x.com") == "[EMAIL_ADDRESS_1]");
    CHECK(labeler.label("EMAIL_ADDRESS", "b@x.com") == "[EMAIL_ADDRESS_2]");
    CHECK(labeler.label("EMAIL_ADDRESS", "a@x.com") == "[EMAIL_ADDRESS_1]");
    CHECK(labeler.label("PHONE_NUMBER", "a@x.com") == "[PHONE_NUMBER_1]");
    CHECK(labeler.label("EMAIL_ADDRESS", "c@x.com") == "[EMAIL_ADDRESS_3]");
    CHECK(labeler.label("PHONE_NUMBER", "555") == "[PHONE_NUMBER_2]");
  }

  TEST_CASE("values are compared exactly (normalize first)") {
    Labeler labeler;
    CHECK(labeler.label("E", "A") == "[E_1]");
    CHECK(labeler.label("E", "a") == "[E_2]");
    CHECK(labeler.label("E", "") == "[E_3]");
  }

  TEST_CASE("reset starts numbering again") {
    Labeler labeler;
    labeler.label("E", "x");
    labeler.label("E", "y");
    labeler.reset();
    CHECK(labeler.label("E", "y") == "[E_1]");
    CHECK(labeler.label("E", "x") == "[E_2]");
  }

  TEST_CASE("many values keep their numbers as the table grows") {
    // 20 seeded values, then 20,000 new ones seen twice, the second time in
    // another order: each keeps the number it first got.
    Labeler labeler;
    for (size_t k = 1; k <= 20; ++k) {
      labeler.seed("E", "seeded" + std::to_string(k), k);
    }
    const auto value = [](size_t i) { return "v" + std::to_string(i * 7919); };
    const auto label_of = [](size_t i) {
      return "[E_" + std::to_string(i + 21) + "]";
    };
    size_t wrong = 0;
    for (size_t i = 0; i < 20000; ++i) {
      wrong += labeler.label("E", value(i)) != label_of(i);
    }
    for (size_t k = 0; k < 20000; ++k) {
      const size_t i = (k * 12345) % 20000;
      wrong += labeler.label("E", value(i)) != label_of(i);
    }
    CHECK(wrong == 0);
    CHECK(labeler.label("E", "seeded7") == "[E_7]");
    CHECK(labeler.label("E", "new") == "[E_20021]");
  }

  TEST_CASE("seed keeps a vault's labels and numbers new values after them") {
    Labeler labeler;
    labeler.seed("E", "a", 1);
    labeler.seed("E", "c", 4);
    CHECK(labeler.label("E", "c") == "[E_4]");
    CHECK(labeler.label("E", "new") == "[E_5]");
    CHECK(labeler.label("E", "a") == "[E_1]");
    CHECK(labeler.label("F", "a") == "[F_1]");
  }

  TEST_CASE("parse_label splits at the last underscore") {
    auto name = parse_label("[EMAIL_ADDRESS_12]");
    REQUIRE(name.has_value());
    CHECK(name->entity == "EMAIL_ADDRESS");
    CHECK(name->number == 12);
    CHECK_FALSE(parse_label("[EMAIL_ADDRESS_]").has_value());
    CHECK_FALSE(parse_label("[_1]").has_value());
    CHECK_FALSE(parse_label("[E_0]").has_value());
    CHECK_FALSE(parse_label("[E_1x]").has_value());
    CHECK_FALSE(parse_label("E_1").has_value());
    CHECK_FALSE(parse_label("[E:9f86d081884c7d65]").has_value());
    CHECK_FALSE(parse_label("[E_12345678901]").has_value()); // > 9 digits
  }

} // TEST_SUITE

} // namespace
} // namespace veil
