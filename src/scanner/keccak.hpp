// Keccak-256 as Ethereum uses it (the original Keccak padding, not the
// SHA3-256 of FIPS 202, which OpenSSL 3.0 offers instead). Only the EIP-55
// address checksum needs it, so this is a small, unoptimized sponge.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace veil {

std::array<uint8_t, 32> keccak256(std::string_view data);

} // namespace veil
