#include "scanner/anchor_shape.hpp"

#include <doctest/doctest.h>

namespace veil {
namespace {

const AnchorShape digit = AnchorShape::character(true, 0);
const AnchorShape letter = AnchorShape::character(false, 1);
const AnchorShape empty{};

TEST_SUITE("anchor_shape") {
  TEST_CASE("a character is an anchor, another byte, or either") {
    CHECK(digit.free == AnchorShape::none);
    CHECK(digit.lead == 0);
    CHECK(letter.free == 1);
    CHECK(letter.lead == AnchorShape::none);
    AnchorShape either = AnchorShape::character(true, 4);
    CHECK(either.free == 4);
    CHECK(either.lead == 0);
  }

  TEST_CASE("a sequence adds reaches through anchor-free pieces") {
    AnchorShape s = letter.then(letter).then(digit).then(letter).then(digit);
    CHECK(s.free == AnchorShape::none);
    CHECK(s.lead == 2);
    CHECK(s.trail == 0);
    CHECK(s.gap == 1);
    AnchorShape optional_digit = digit.either(empty);
    AnchorShape t = letter.then(optional_digit).then(letter);
    CHECK(t.free == 2);
    CHECK(t.lead == 1);
    CHECK(t.trail == 1);
  }

  TEST_CASE("bounded repeats count, unbounded ones saturate") {
    CHECK(letter.repeated(2, 5).free == 5);
    CHECK(letter.repeated(0, 0).free == 0);
    AnchorShape pairs = digit.then(letter).repeated(1, 3);
    CHECK(pairs.trail == 1);
    CHECK(pairs.gap == 1);
    CHECK(letter.repeated(1, -1).free == AnchorShape::unbounded);
    CHECK(letter.then(digit).repeated(0, -1).lead == 1);
    AnchorShape maybe = letter.then(digit.either(empty)).repeated(0, -1);
    CHECK(maybe.lead == AnchorShape::unbounded);
    // Every repetition holds an anchor: reaches stay bounded.
    AnchorShape groups = digit.then(letter.repeated(0, 2)).repeated(1, -1);
    CHECK(groups.free == AnchorShape::none);
    CHECK(groups.gap == 2);
    CHECK(groups.bounded());
    CHECK_FALSE(maybe.bounded());
  }
}

} // namespace
} // namespace veil
