#include "actions/labeler.hpp"

#include <doctest/doctest.h>

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

} // TEST_SUITE

} // namespace
} // namespace veil
