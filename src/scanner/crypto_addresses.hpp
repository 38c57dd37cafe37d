// Checksums of cryptocurrency addresses: Bitcoin base58check (legacy 1...
// and 3... addresses), Bitcoin segwit bech32/bech32m (bc1...), and Ethereum
// addresses with the EIP-55 mixed-case checksum. A typo or a made-up string
// of the right shape fails them.
#pragma once

#include <string_view>

namespace veil {

// Base58check with version byte 0x00 (P2PKH) or 0x05 (P2SH), 25 bytes.
bool validate_btc_base58(std::string_view text);
// BIP 173/350: hrp "bc", witness version 0 with bech32 and a 20- or 32-byte
// program, versions 1-16 with bech32m and 2-40 bytes; one case only.
bool validate_btc_bech32(std::string_view text);
// "0x" and 40 hex digits; mixed case must match EIP-55, one case has no
// checksum to check. The zero address and one repeated digit name nobody.
bool validate_eth_address(std::string_view text);

} // namespace veil
