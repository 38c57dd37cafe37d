#include "scanner/validators.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using veil::find_validator;
using veil::validate_iban;
using veil::validate_luhn;
using veil::validate_us_ssn;

TEST_SUITE("scanner::validators") {

  TEST_CASE("luhn accepts the networks' published test numbers") {
    CHECK(validate_luhn("4111111111111111"));    // Visa
    CHECK(validate_luhn("4012888888881881"));    // Visa
    CHECK(validate_luhn("4222222222222"));       // Visa, 13 digits
    CHECK(validate_luhn("5555555555554444"));    // Mastercard
    CHECK(validate_luhn("5105105105105100"));    // Mastercard
    CHECK(validate_luhn("2223003122003222"));    // Mastercard 2-series
    CHECK(validate_luhn("378282246310005"));     // Amex
    CHECK(validate_luhn("371449635398431"));     // Amex
    CHECK(validate_luhn("6011111111111117"));    // Discover
    CHECK(validate_luhn("3530111333300000"));    // JCB
    CHECK(validate_luhn("30569309025904"));      // Diners Club
    CHECK(validate_luhn("6759649826438453615")); // 19 digits
  }

  TEST_CASE("luhn ignores spaces and dashes between groups") {
    CHECK(validate_luhn("4111 1111 1111 1111"));
    CHECK(validate_luhn("5555-5555-5555-4444"));
    CHECK(validate_luhn("3782 822463 10005"));
  }

  TEST_CASE("luhn rejects bad checksums, lengths and characters") {
    CHECK_FALSE(validate_luhn("4111111111111112"));
    CHECK_FALSE(validate_luhn("378282246310006"));
    CHECK_FALSE(validate_luhn("79927398713"));          // valid, 11 digits
    CHECK_FALSE(validate_luhn("41111111111111111113")); // 20 digits
    CHECK_FALSE(validate_luhn("4111.1111.1111.1111"));
    CHECK_FALSE(validate_luhn("4111x11111111111"));
    CHECK_FALSE(validate_luhn(""));
  }

  TEST_CASE("luhn rejects a run of one digit even when the sum works") {
    CHECK_FALSE(validate_luhn("0000000000000000"));
    CHECK_FALSE(validate_luhn("0000 0000 0000 0000"));
    CHECK_FALSE(validate_luhn("5555555555555555555"));
  }

  TEST_CASE("iban accepts valid numbers from several countries") {
    CHECK(validate_iban("DE89370400440532013000"));
    CHECK(validate_iban("GB82WEST12345698765432"));
    CHECK(validate_iban("FR1420041010050500013M02606"));
    CHECK(validate_iban("NL91ABNA0417164300"));
    CHECK(validate_iban("ES9121000418450200051332"));
    CHECK(validate_iban("IT60X0542811101000000123456"));
    CHECK(validate_iban("BE68539007547034"));
    CHECK(validate_iban("CH9300762011623852957"));
    CHECK(validate_iban("NO9386011117947")); // shortest: 15
    CHECK(validate_iban("PL61109010140000071219812874"));
    CHECK(validate_iban("AT611904300234573201"));
  }

  TEST_CASE("iban ignores spaces and letter case") {
    CHECK(validate_iban("DE89 3704 0044 0532 0130 00"));
    CHECK(validate_iban("gb82 west 1234 5698 7654 32"));
  }

  TEST_CASE("iban rejects wrong check digits") {
    CHECK_FALSE(validate_iban("DE88370400440532013000"));
    CHECK_FALSE(validate_iban("GB82WEST12345698765433"));
    CHECK_FALSE(validate_iban("DE00370400440532013000"));
  }

  TEST_CASE("iban rejects the wrong length for the country") {
    CHECK_FALSE(validate_iban("DE8937040044053201300"));   // 21, DE is 22
    CHECK_FALSE(validate_iban("DE893704004405320130000")); // 23
    // Valid for Norway's 15 characters, but labelled Denmark (18).
    CHECK_FALSE(validate_iban("DK9386011117947"));
  }

  TEST_CASE("iban rejects unknown countries and malformed text") {
    CHECK_FALSE(validate_iban("XX89370400440532013000"));
    CHECK_FALSE(validate_iban("DE89-3704-0044-0532-0130-00"));
    CHECK_FALSE(validate_iban("1289370400440532013000"));
    CHECK_FALSE(validate_iban("DEAB370400440532013000"));
    CHECK_FALSE(validate_iban("DE8"));
    CHECK_FALSE(validate_iban(""));
  }

  TEST_CASE("us_ssn accepts the three written forms") {
    CHECK(validate_us_ssn("536-22-4187"));
    CHECK(validate_us_ssn("536 22 4187"));
    CHECK(validate_us_ssn("536224187"));
  }

  TEST_CASE("us_ssn checks area, group and serial ranges") {
    CHECK_FALSE(validate_us_ssn("000-22-4187"));
    CHECK_FALSE(validate_us_ssn("666-22-4187"));
    CHECK(validate_us_ssn("665-22-4187"));
    CHECK(validate_us_ssn("667-22-4187"));
    CHECK(validate_us_ssn("899-22-4187"));
    CHECK_FALSE(validate_us_ssn("900-22-4187"));
    CHECK_FALSE(validate_us_ssn("999-22-4187"));
    CHECK_FALSE(validate_us_ssn("536-00-4187"));
    CHECK_FALSE(validate_us_ssn("536-22-0000"));
    CHECK(validate_us_ssn("001-01-0001"));
  }

  TEST_CASE("us_ssn rejects published and textbook fakes") {
    CHECK_FALSE(validate_us_ssn("078-05-1120")); // Woolworth wallet card
    CHECK_FALSE(validate_us_ssn("219-09-9999")); // SSA advertisement
    CHECK_FALSE(validate_us_ssn("457-55-5462")); // LifeLock advertisement
    CHECK_FALSE(validate_us_ssn("123-45-6789"));
    CHECK_FALSE(validate_us_ssn("111-11-1111"));
    CHECK_FALSE(validate_us_ssn("078051120"));
  }

  TEST_CASE("us_ssn rejects other shapes") {
    CHECK_FALSE(validate_us_ssn("536-22 4187")); // mixed separators
    CHECK_FALSE(validate_us_ssn("53-622-4187"));
    CHECK_FALSE(validate_us_ssn("536.22.4187"));
    CHECK_FALSE(validate_us_ssn("5362241870"));
    CHECK_FALSE(validate_us_ssn("53622418"));
    CHECK_FALSE(validate_us_ssn("536-2a-4187"));
    CHECK_FALSE(validate_us_ssn(""));
  }

  TEST_CASE("the table finds validators by name") {
    CHECK((find_validator("luhn") == &validate_luhn));
    CHECK((find_validator("iban") == &validate_iban));
    CHECK((find_validator("us_ssn") == &validate_us_ssn));
    CHECK((find_validator("lunh") == nullptr));
    CHECK((find_validator("") == nullptr));
    std::vector<std::string_view> names = veil::validator_names();
    CHECK(std::is_sorted(names.begin(), names.end()));
    CHECK(std::adjacent_find(names.begin(), names.end()) == names.end());
    for (std::string_view name : {"iban", "luhn", "us_ssn"}) {
      CHECK(std::find(names.begin(), names.end(), name) != names.end());
    }
  }

} // TEST_SUITE
