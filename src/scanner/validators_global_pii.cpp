// Validators of the global pii group (see validators.hpp): payment cards,
// SWIFT/BIC codes, IP and MAC addresses, and the table that names them,
// the phone validator (phone_validator.cpp) and the crypto address
// checksums (crypto_addresses.cpp).
#include "scanner/validators_global_pii.hpp"

#include "core/json_string.hpp"
#include "scanner/crypto_addresses.hpp"
#include "scanner/phone_regions.hpp"
#include "scanner/validators.hpp"

#include <arpa/inet.h>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>

namespace veil {

namespace {

// Sorted by name.
// clang-format off
constexpr std::array<ValidatorEntry, 8> k_validators = {{
  {"btc_base58",   validate_btc_base58},
  {"btc_bech32",   validate_btc_bech32},
  {"credit_card",  validate_credit_card},
  {"eth_address",  validate_eth_address},
  {"ip_address",   validate_ip_address},
  {"mac_address",  validate_mac_address},
  {"phone",        validate_phone, 7}, // its shortest subscriber number
  {"swift_bic",    validate_swift_bic},
}};
// clang-format on

// A prefix range of issuer identification numbers and the card lengths
// issued under it: {from, to, prefix digits, min length, max length}.
struct IssuerRange {
  int from;
  int to;
  int prefix_digits;
  int min_length;
  int max_length;
};

// clang-format off
constexpr IssuerRange k_issuers[] = {
  {4, 4, 1, 13, 13},             // Visa
  {4, 4, 1, 16, 16},
  {4, 4, 1, 19, 19},
  {51, 55, 2, 16, 16},           // Mastercard
  {2221, 2720, 4, 16, 16},       // Mastercard 2-series
  {34, 34, 2, 15, 15},           // American Express
  {37, 37, 2, 15, 15},
  {300, 305, 3, 14, 19},         // Diners Club International
  {309, 309, 3, 14, 19},
  {36, 36, 2, 14, 19},
  {38, 39, 2, 16, 19},
  {6011, 6011, 4, 16, 19},       // Discover
  {644, 649, 3, 16, 19},
  {65, 65, 2, 16, 19},
  {3528, 3589, 4, 16, 19},       // JCB
  {62, 62, 2, 16, 19},           // UnionPay
  {2200, 2204, 4, 16, 19},       // Mir
  {50, 50, 2, 12, 19},           // Maestro
  {56, 58, 2, 12, 19},
  {60, 69, 2, 12, 19},           // Maestro, RuPay, Verve
};
// clang-format on

// ISO 3166-1 alpha-2 codes, plus XK (Kosovo) which SWIFT uses.
constexpr std::string_view k_countries =
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI "
    "BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN "
    "CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK "
    "FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM "
    "HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN "
    "KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK "
    "ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP "
    "NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW "
    "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF "
    "TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI "
    "VN VU WF WS XK YE YT ZA ZM ZW";

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

bool is_country(std::string_view code) {
  for (size_t i = 0; i + 2 <= k_countries.size(); i += 3) {
    if (k_countries.substr(i, 2) == code) {
      return true;
    }
  }
  return false;
}

bool ipv4_names_a_host(uint32_t a) {
  const uint32_t first = a >> 24;
  if (first == 0 || first == 127 || first >= 224) {
    // "This network", loopback, multicast, reserved, and netmasks
    // (255.255.255.0) with them.
    return false;
  }
  // RFC 5737 documentation ranges: written in manuals, never a host.
  const uint32_t net24 = a >> 8;
  return net24 != 0xC00002 && net24 != 0xC63364 && net24 != 0xCB0071;
}

bool ipv6_names_a_host(const uint8_t* b) {
  static constexpr uint8_t k_zero[16] = {};
  if (std::memcmp(b, k_zero, 15) == 0 && (b[15] == 0 || b[15] == 1)) {
    return false; // :: and ::1
  }
  if (b[0] == 0xff) {
    return false; // multicast
  }
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) {
    return false; // 2001:db8::/32, RFC 3849 documentation prefix
  }
  // ::ffff:a.b.c.d carries an IPv4 address: judge that one.
  if (std::memcmp(b, k_zero, 10) == 0 && b[10] == 0xff && b[11] == 0xff) {
    const uint32_t v4 = (uint32_t(b[12]) << 24) | (uint32_t(b[13]) << 16) |
                        (uint32_t(b[14]) << 8) | b[15];
    return ipv4_names_a_host(v4);
  }
  return true;
}

} // namespace

bool validate_credit_card(std::string_view text) {
  if (!validate_luhn(text)) {
    return false;
  }
  std::string digits;
  for (char c : text) {
    if (is_digit(c)) {
      digits += c;
    }
  }
  const int length = static_cast<int>(digits.size());
  for (const IssuerRange& range : k_issuers) {
    const int prefix = std::stoi(digits.substr(0, range.prefix_digits));
    if (prefix >= range.from && prefix <= range.to &&
        length >= range.min_length && length <= range.max_length) {
      return true;
    }
  }
  return false;
}

bool validate_swift_bic(std::string_view text) {
  if (text.size() != 8 && text.size() != 11) {
    return false;
  }
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (i < 4 ? !is_upper(c) : !(is_upper(c) || is_digit(c))) {
      return false;
    }
  }
  // Location code: a second character "O" is not allowed (it would read as
  // the "0" that marks test BICs). A branch starting with "X" must be XXX.
  if (!is_country(text.substr(4, 2)) || text[7] == 'O') {
    return false;
  }
  return text.size() == 8 || text[8] != 'X' || text.substr(8) == "XXX";
}

bool validate_ip_address(std::string_view text) {
  std::string address(text.substr(0, text.find('%'))); // drop a zone (%eth0)
  uint8_t bytes[16];
  if (address.find(':') == std::string::npos) {
    if (inet_pton(AF_INET, address.c_str(), bytes) != 1) {
      return false;
    }
    return ipv4_names_a_host((uint32_t(bytes[0]) << 24) |
                             (uint32_t(bytes[1]) << 16) |
                             (uint32_t(bytes[2]) << 8) | bytes[3]);
  }
  return inet_pton(AF_INET6, address.c_str(), bytes) == 1 &&
         ipv6_names_a_host(bytes);
}

bool validate_mac_address(std::string_view text) {
  std::array<int, 12> nibbles{};
  size_t count = 0;
  bool has_letter = false;
  for (char c : text) {
    const int v = hex_value(c);
    if (v >= 0) {
      if (count == nibbles.size()) {
        return false;
      }
      nibbles[count++] = v;
      has_letter = has_letter || !is_digit(c);
    } else if (c != ':' && c != '-' && c != '.') {
      return false;
    }
  }
  if (count != nibbles.size()) {
    return false;
  }
  // Cisco's dotted form (0012.3456.789a) of digits only is more often a
  // version or a build number than a device.
  if (text.size() == 14 && text[4] == '.' && !has_letter) {
    return false;
  }
  bool all_zero = true;
  bool all_f = true;
  for (int v : nibbles) {
    all_zero = all_zero && v == 0;
    all_f = all_f && v == 15;
  }
  // The low bit of the first octet marks group addresses (multicast,
  // broadcast): they name no single device.
  return !all_zero && !all_f && (nibbles[1] & 1) == 0;
}

std::span<const ValidatorEntry> global_pii_validators() {
  return k_validators;
}

} // namespace veil
