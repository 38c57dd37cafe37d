#include "scanner/entropy.hpp"

#include <doctest/doctest.h>

#include <string>

using veil::shannon_entropy;

TEST_SUITE("scanner::entropy") {

  TEST_CASE("no variety, no entropy") {
    CHECK(shannon_entropy("") == 0.0);
    CHECK(shannon_entropy("a") == 0.0);
    CHECK(shannon_entropy("********") == 0.0);
  }

  TEST_CASE("n equally frequent symbols give log2(n) bits") {
    CHECK(shannon_entropy("ab") == doctest::Approx(1.0));
    CHECK(shannon_entropy("abcd") == doctest::Approx(2.0));
    CHECK(shannon_entropy("aabbccdd") == doctest::Approx(2.0));
    CHECK(shannon_entropy("0123456789abcdef") == doctest::Approx(4.0));
  }

  TEST_CASE("uneven frequencies") {
    // -(2/3 log2 2/3 + 1/3 log2 1/3)
    CHECK(shannon_entropy("aab") == doctest::Approx(0.9183).epsilon(0.001));
  }

  TEST_CASE("counts bytes, so every byte value gives the maximum of 8") {
    std::string all;
    for (int i = 0; i < 256; ++i) {
      all += static_cast<char>(i);
    }
    CHECK(shannon_entropy(all) == doctest::Approx(8.0));
    // "é" is two bytes: two symbols, one bit.
    CHECK(shannon_entropy("\xc3\xa9") == doctest::Approx(1.0));
  }

  TEST_CASE("random tokens score higher than words") {
    CHECK(shannon_entropy("hDAEYqL62pBum9BIy2ewA5s02KGvdiP4TLqi") > 4.5);
    CHECK(shannon_entropy("password") < 3.0);
  }

} // TEST_SUITE
