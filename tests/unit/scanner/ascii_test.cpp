#include "scanner/ascii.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <string>
#include <utility>

namespace veil {
namespace {

TEST_SUITE("scanner::ascii") {

  TEST_CASE("ascii_lower lowers ASCII capitals only") {
    CHECK(ascii_lower('A') == 'a');
    CHECK(ascii_lower('Z') == 'z');
    for (char c : std::string_view("az09@[`{ \xC3\x89")) {
      CHECK(ascii_lower(c) == c);
    }
  }

  TEST_CASE("is_ascii finds a high byte wherever it lies") {
    CHECK(is_ascii(""));
    CHECK(is_ascii(std::string(200, 'a')));
    for (size_t size : {1, 7, 8, 63, 64, 65, 130}) {
      for (size_t at = 0; at < size; ++at) {
        std::string text(size, 'a');
        text[at] = '\x80';
        CHECK_FALSE(is_ascii(text));
        text[at] = '\x7f';
        CHECK(is_ascii(text));
      }
    }
  }

  TEST_CASE("count_bytes counts digits, capitals and high bytes anywhere") {
    std::string all;
    for (int b = 0; b < 256; ++b) {
      all += char(b);
    }
    for (size_t size : {0, 1, 63, 64, 65, 256, 300}) {
      std::string text;
      for (size_t i = 0; i < size; ++i) {
        text += all[(i * 37) % 256];
      }
      ByteCounts want;
      for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        want.digits += c >= '0' && c <= '9' ? 1 : 0;
        want.upper += c >= 'A' && c <= 'Z' ? 1 : 0;
        want.high += c >= 0x80 ? 1 : 0;
      }
      ByteCounts got = count_bytes(text);
      CHECK(got.digits == want.digits);
      CHECK(got.upper == want.upper);
      CHECK(got.high == want.high);
    }
    // Every byte of a full 64-byte block counted (a byte-wide counter holds
    // one block).
    ByteCounts nines = count_bytes(std::string(64 * 5, '9'));
    CHECK(nines.digits == 320);
    CHECK(count_bytes(std::string(200, '\xff')).high == 200);
  }

  TEST_CASE("a padded block reads the filler past the text's end") {
    const std::string text(100, 'a');
    CHECK(PaddedBlock(text, 0, '-').data() == text.data());
    const PaddedBlock tail(text, 64, '-');
    CHECK(std::string(tail.data(), 64) ==
          std::string(36, 'a') + std::string(28, '-'));
  }

  TEST_CASE("bytes_present tells which of eight bytes occur") {
    const std::array<uint8_t, 8> bytes = {'@',  ':',  '.', '/',
                                          0x80, 0xFF, 0,   '@'};
    for (size_t size : {0, 1, 15, 16, 17, 33, 64, 100}) {
      CHECK(bytes_present(std::string(size, 'a'), bytes) == 0);
      for (size_t at = 0; at < size; ++at) {
        for (size_t k = 0; k < 7; ++k) {
          std::string text(size, 'a');
          text[at] = char(bytes[k]);
          uint8_t want = uint8_t(1u << k) | (k == 0 ? 0x80 : 0);
          CHECK_MESSAGE(bytes_present(text, bytes) == want, size, " ", at);
        }
      }
    }
    CHECK(bytes_present(std::string("\xFF/.:@") + std::string(20, 'b') + "\x80",
                        bytes) == 0xBF);
  }

  TEST_CASE("range_bits marks the bytes in the range, block by block") {
    for (size_t size : {1, 15, 16, 17, 64, 65, 200}) {
      std::string text;
      for (size_t i = 0; i < size; ++i) {
        text += char((i * 101 + 7) % 256);
      }
      for (auto [lo, width] : {std::pair<int, int>{'0', 9},
                               {0x80, 127},
                               {'A', 25},
                               {0, 0},
                               {0xFF, 0}}) {
        for (size_t block = 0; block < size; block += 64) {
          uint64_t want = 0;
          for (size_t i = block; i < std::min(size, block + 64); ++i) {
            uint8_t c = static_cast<uint8_t>(text[i]);
            if (c >= lo && c <= lo + width) {
              want |= uint64_t{1} << (i - block);
            }
          }
          CHECK(range_bits(text, block, uint8_t(lo), uint8_t(width)) == want);
        }
      }
    }
  }

  TEST_CASE("equal_bits marks the bytes equal to one of four") {
    const std::array<uint8_t, 4> bytes = {':', '=', 0xFF, ':'};
    for (size_t size : {1, 15, 16, 17, 64, 65, 200}) {
      std::string text;
      for (size_t i = 0; i < size; ++i) {
        text += char((i * 101 + 7) % 256);
      }
      for (size_t block = 0; block < size; block += 64) {
        uint64_t want = 0;
        for (size_t i = block; i < std::min(size, block + 64); ++i) {
          uint8_t c = uint8_t(text[i]);
          if (c == ':' || c == '=' || c == 0xFF) {
            want |= uint64_t(1) << (i - block);
          }
        }
        CHECK(equal_bits(text, block, bytes) == want);
      }
    }
  }

  TEST_CASE("has_byte_in takes both ends of the range") {
    const uint8_t lo = 0xCD;
    const uint8_t hi = 0xD4;
    for (size_t size : {1, 63, 64, 65, 129}) {
      for (size_t at : {size_t{0}, size / 2, size - 1}) {
        std::string text(size, 'x');
        for (int b : {0xCC, 0xD5, 0x00, 0xFF}) {
          text[at] = char(b);
          CHECK_FALSE(has_byte_in(text, lo, hi));
        }
        for (int b : {0xCD, 0xD0, 0xD4}) {
          text[at] = char(b);
          CHECK(has_byte_in(text, lo, hi));
        }
      }
    }
    CHECK_FALSE(has_byte_in("", lo, hi));
  }

} // TEST_SUITE

} // namespace
} // namespace veil
