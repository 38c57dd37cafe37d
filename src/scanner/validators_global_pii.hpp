// The global pii validators (cards, bank codes, network addresses, crypto
// addresses, phones), callable directly for tests. Rules name them in
// validators_global_pii.cpp's table; phone and crypto checks live in their
// own files (phone_regions.hpp, crypto_addresses.hpp).
#pragma once

#include <string_view>

namespace veil {

// Luhn plus the length and prefix ranges networks actually issue (Visa 4,
// Mastercard 51-55 and 2221-2720, Amex 34/37 with 15 digits...).
bool validate_credit_card(std::string_view text);
// SWIFT/BIC: 8 or 11 characters, an ISO 3166 country in positions 5-6.
bool validate_swift_bic(std::string_view text);
// IPv4 or IPv6 (zone suffix allowed) that can name a host: not loopback,
// unspecified, multicast, a netmask or a documentation range.
bool validate_ip_address(std::string_view text);
// EUI-48 in colon, dash or dotted form, not all zeros, broadcast or a
// group (multicast) address.
bool validate_mac_address(std::string_view text);

} // namespace veil
