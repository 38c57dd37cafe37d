#include "scanner/crypto_addresses.hpp"
#include "scanner/keccak.hpp"
#include "scanner/phone_regions.hpp"
#include "scanner/validators.hpp"
#include "scanner/validators_global_pii.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <string>

using namespace veil;

namespace {

std::string hex(const std::array<uint8_t, 32>& bytes) {
  std::string out;
  char buffer[3];
  for (uint8_t b : bytes) {
    std::snprintf(buffer, sizeof buffer, "%02x", b);
    out += buffer;
  }
  return out;
}

// Restores the default region hints when a test that changed them ends.
struct RegionGuard {
  ~RegionGuard() { set_phone_regions({}); }
};

} // namespace

TEST_SUITE("scanner::validators_global_pii") {

  TEST_CASE("the group's validators are registered by name") {
    for (const char* name :
         {"btc_base58", "btc_bech32", "credit_card", "eth_address",
          "ip_address", "mac_address", "phone", "swift_bic"}) {
      CAPTURE(name);
      const bool registered = find_validator(name) != nullptr;
      CHECK(registered);
    }
  }

  TEST_CASE("keccak256 matches the published test vectors") {
    CHECK(hex(keccak256("")) ==
          "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    CHECK(hex(keccak256("abc")) ==
          "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
    // Longer than one 136-byte block, so absorption runs twice.
    CHECK(hex(keccak256(std::string(200, 'a'))) !=
          hex(keccak256(std::string(199, 'a'))));
  }

  TEST_CASE("credit_card wants Luhn and an issuer range of the right length") {
    CHECK(validate_credit_card("4111 1111 1111 1111"));
    CHECK(validate_credit_card("4222222222222"));       // Visa, 13
    CHECK(validate_credit_card("5555-5555-5555-4444")); // Mastercard
    CHECK(validate_credit_card("2223003122003222"));    // Mastercard 2-series
    CHECK(validate_credit_card("378282246310005"));     // Amex
    CHECK(validate_credit_card("6011111111111117"));    // Discover
    CHECK(validate_credit_card("3530111333300000"));    // JCB
    CHECK(validate_credit_card("30569309025904"));      // Diners, 14
    CHECK(validate_credit_card("6212345678901232"));    // UnionPay
    CHECK(validate_credit_card("6759649826438453615")); // Maestro, 19
    CHECK_FALSE(validate_credit_card("4111111111111112")); // Luhn
    CHECK_FALSE(validate_credit_card("3111111111111113")); // no issuer 31
    CHECK_FALSE(validate_credit_card("411111111111116"));  // Visa of 15
    CHECK_FALSE(validate_credit_card("3782822463100050")); // Amex of 16
    CHECK_FALSE(validate_credit_card("7992739871300000"));
  }

  TEST_CASE("swift_bic checks the shape, the country and the location") {
    CHECK(validate_swift_bic("DEUTDEFF"));
    CHECK(validate_swift_bic("DEUTDEFF500"));
    CHECK(validate_swift_bic("NWBKGB2L"));
    CHECK(validate_swift_bic("BNPAFRPPXXX"));
    CHECK_FALSE(validate_swift_bic("DEUTXXFF"));    // XX is no country
    CHECK_FALSE(validate_swift_bic("DEUTDEFO"));    // O as location char 2
    CHECK_FALSE(validate_swift_bic("DEUTDEFFXAB")); // X branch not XXX
    CHECK_FALSE(validate_swift_bic("DEUTDEF"));
    CHECK_FALSE(validate_swift_bic("deutdeff"));
    CHECK_FALSE(validate_swift_bic("1EUTDEFF"));
  }

  TEST_CASE("ip_address keeps hosts and drops what names nobody") {
    CHECK(validate_ip_address("81.2.69.160"));
    CHECK(validate_ip_address("192.168.1.100"));
    CHECK(validate_ip_address("10.0.0.12"));
    CHECK(validate_ip_address("2a00:1450:4001:81b::200e"));
    CHECK(validate_ip_address("fe80::1ff:fe23:4567:890a%eth0"));
    CHECK(validate_ip_address("::ffff:8.8.8.8"));
    CHECK_FALSE(validate_ip_address("127.0.0.1"));
    CHECK_FALSE(validate_ip_address("0.0.0.0"));
    CHECK_FALSE(validate_ip_address("255.255.255.0"));
    CHECK_FALSE(validate_ip_address("224.0.0.251"));
    CHECK_FALSE(validate_ip_address("192.0.2.10"));
    CHECK_FALSE(validate_ip_address("198.51.100.7"));
    CHECK_FALSE(validate_ip_address("203.0.113.42"));
    CHECK_FALSE(validate_ip_address("::1"));
    CHECK_FALSE(validate_ip_address("::"));
    CHECK_FALSE(validate_ip_address("2001:db8::1"));
    CHECK_FALSE(validate_ip_address("ff02::1"));
    CHECK_FALSE(validate_ip_address("::ffff:192.0.2.128"));
    CHECK_FALSE(validate_ip_address("10.0.0.256"));
    CHECK_FALSE(validate_ip_address("12:30:45"));
  }

  TEST_CASE("mac_address drops zeros, broadcast, multicast and digit-only "
            "dotted forms") {
    CHECK(validate_mac_address("00:1A:2B:3C:4D:5E"));
    CHECK(validate_mac_address("a4-83-e7-12-34-56"));
    CHECK(validate_mac_address("0012.3456.789a"));
    CHECK_FALSE(validate_mac_address("00:00:00:00:00:00"));
    CHECK_FALSE(validate_mac_address("ff:ff:ff:ff:ff:ff"));
    CHECK_FALSE(validate_mac_address("01:00:5e:00:00:fb"));
    CHECK_FALSE(validate_mac_address("2024.0115.1230"));
    CHECK_FALSE(validate_mac_address("00:1A:2B:3C:4D"));
  }

  TEST_CASE("btc_base58 checks the version byte and the checksum") {
    CHECK(validate_btc_base58("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"));
    CHECK(validate_btc_base58("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"));
    CHECK(validate_btc_base58("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"));
    CHECK_FALSE(validate_btc_base58("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb"));
    CHECK_FALSE(validate_btc_base58("1A1zP1eP5QGefi2DMPTfTL5SLmv7Div0Na"));
    CHECK_FALSE(validate_btc_base58("1111111111111111111111111111"));
  }

  TEST_CASE("btc_bech32 checks bech32 for v0 and bech32m for v1+") {
    CHECK(validate_btc_bech32("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"));
    CHECK(validate_btc_bech32("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4"));
    CHECK(validate_btc_bech32("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"));
    CHECK(validate_btc_bech32(
        "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297"));
    CHECK_FALSE(
        validate_btc_bech32("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5"));
    CHECK_FALSE(
        validate_btc_bech32("bc1QW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"));
    // A v0 program under the bech32m constant (BIP 350's invalid list).
    CHECK_FALSE(
        validate_btc_bech32("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh"));
    CHECK_FALSE(
        validate_btc_bech32("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx"));
  }

  TEST_CASE("eth_address checks EIP-55 only when the case is mixed") {
    CHECK(validate_eth_address("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"));
    CHECK(validate_eth_address("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"));
    CHECK(validate_eth_address("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB"));
    CHECK(validate_eth_address("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"));
    CHECK(validate_eth_address("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"));
    CHECK(validate_eth_address("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED"));
    CHECK_FALSE(
        validate_eth_address("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"));
    CHECK_FALSE(
        validate_eth_address("0x0000000000000000000000000000000000000000"));
    CHECK_FALSE(
        validate_eth_address("0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea"));
    CHECK_FALSE(
        validate_eth_address("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beazz"));
  }

  TEST_CASE("phone accepts international numbers without a region hint") {
    CHECK(validate_phone("+44 20 7946 0958"));
    CHECK(validate_phone("+1 (415) 555-2671"));
    CHECK(validate_phone("+14155552671"));
    CHECK(validate_phone("+49 (0)30 1234567"));
    CHECK(validate_phone("+91 98765 43210"));
    CHECK(validate_phone("+86 138 1234 5678"));
    CHECK_FALSE(validate_phone("+1 555 123 4567")); // no area code 555
    CHECK_FALSE(validate_phone("+100.00"));
  }

  TEST_CASE("phone accepts national numbers of the default regions, written "
            "the way each country writes them") {
    CHECK(validate_phone("(415) 555-2671"));  // US
    CHECK(validate_phone("020 7946 0958"));   // GB
    CHECK(validate_phone("030/1234567"));     // DE
    CHECK(validate_phone("06.12.34.56.78"));  // FR
    CHECK(validate_phone("98765 43210"));     // IN mobile without trunk 0
    CHECK(validate_phone("138 1234 5678"));   // CN
    CHECK(validate_phone("03-1234-5678"));    // JP
    CHECK(validate_phone("(11) 91234-5678")); // BR
    CHECK(validate_phone("612 34 56 78"));    // ES
    CHECK(validate_phone("333 123 4567"));    // IT
    CHECK(validate_phone("0044 20 7946 0958"));
    // Valid somewhere only if the trunk 0 is ignored, or the area code in
    // parentheses is not the country's.
    CHECK_FALSE(validate_phone("1699999999")); // 0169 999999 in DE
    CHECK_FALSE(validate_phone("(555) 123-4567"));
    CHECK_FALSE(validate_phone("4815162342"));
  }

  TEST_CASE("phone rejects dates, addresses, SSNs and short runs") {
    CHECK_FALSE(validate_phone("2024-01-15"));
    CHECK_FALSE(validate_phone("15.01.2024"));
    CHECK_FALSE(validate_phone("01/15/2024"));
    CHECK_FALSE(validate_phone("192.168.100.200"));
    CHECK_FALSE(validate_phone("078-05-1120"));
    CHECK_FALSE(validate_phone("123 4567"));
    CHECK_FALSE(validate_phone("12:30:45"));
    CHECK_FALSE(validate_phone("415-555-2671 x"));
    CHECK_FALSE(validate_phone(""));
  }

  TEST_CASE("set_phone_regions changes which national numbers count") {
    RegionGuard guard;
    CHECK(phone_regions() == default_phone_regions());
    set_phone_regions({"us"});
    CHECK(phone_regions() == std::vector<std::string>{"US"});
    CHECK(validate_phone("(415) 555-2671"));
    CHECK_FALSE(validate_phone("020 7946 0958"));
    CHECK(validate_phone("+44 20 7946 0958")); // "+" needs no hint
    set_phone_regions({"NL"});
    CHECK(validate_phone("020 123 4567")); // Amsterdam
    set_phone_regions({});
    CHECK(phone_regions() == default_phone_regions());
  }

  TEST_CASE("a number's verdict is remembered for its region list only") {
    RegionGuard guard;
    // The same numbers asked again, under lists that accept and refuse
    // them in turn: each answer is that of the list in force.
    for (int round = 0; round < 3; ++round) {
      set_phone_regions({"GB"});
      CHECK(validate_phone("020 7946 0958"));
      CHECK(validate_phone("020 7946 0958"));
      CHECK_FALSE(validate_phone("(415) 555-2671"));
      set_phone_regions({"US"});
      CHECK_FALSE(validate_phone("020 7946 0958"));
      CHECK(validate_phone("(415) 555-2671"));
      CHECK(validate_phone("(415) 555-2671"));
    }
    // Numbers that share a slot do not take each other's verdict: asked
    // twice, then once more after a new list made every verdict stale.
    set_phone_regions({});
    std::vector<std::string> numbers;
    for (int i = 0; i < 1500; ++i) {
      numbers.push_back("+1 415-555-" + std::to_string(1000 + i));
      numbers.push_back("+1 415-555-" + std::to_string(1000 + i) + "99");
    }
    auto verdicts = [&] {
      std::vector<bool> out;
      for (const std::string& number : numbers) {
        out.push_back(validate_phone(number));
      }
      return out;
    };
    const std::vector<bool> first = verdicts();
    const std::vector<bool> again = verdicts();
    set_phone_regions({});
    const std::vector<bool> fresh = verdicts();
    CHECK(std::count(fresh.begin(), fresh.end(), true) == 1500);
    CHECK(first == fresh);
    CHECK(again == fresh);
  }

  TEST_CASE("is_phone_region knows libphonenumber's region codes") {
    CHECK(is_phone_region("GB"));
    CHECK(is_phone_region("de"));
    CHECK_FALSE(is_phone_region("UK"));
    CHECK_FALSE(is_phone_region("ZZ"));
  }
}
