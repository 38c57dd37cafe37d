#include "scanner/crypto_addresses.hpp"

#include "scanner/ascii.hpp"
#include "scanner/keccak.hpp"

#include <openssl/evp.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace veil {

namespace {

constexpr std::string_view k_base58 =
    "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
constexpr std::string_view k_bech32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
constexpr uint32_t k_bech32_const = 1;
constexpr uint32_t k_bech32m_const = 0x2bc830a3;

// Big-endian base58 digits to bytes; leading '1's are leading zero bytes.
bool base58_decode(std::string_view text, std::vector<uint8_t>& out) {
  std::vector<uint8_t> number; // big-endian, grows as digits are folded in
  for (char c : text) {
    size_t value = k_base58.find(c);
    if (value == std::string_view::npos) {
      return false;
    }
    uint32_t carry = static_cast<uint32_t>(value);
    for (auto it = number.rbegin(); it != number.rend(); ++it) {
      carry += uint32_t(*it) * 58;
      *it = uint8_t(carry & 0xff);
      carry >>= 8;
    }
    while (carry > 0) {
      number.insert(number.begin(), uint8_t(carry & 0xff));
      carry >>= 8;
    }
  }
  size_t zeros = 0;
  while (zeros < text.size() && text[zeros] == '1') {
    ++zeros;
  }
  out.assign(zeros, 0);
  out.insert(out.end(), number.begin(), number.end());
  return true;
}

std::array<uint8_t, 32> sha256(const uint8_t* data, size_t size) {
  std::array<uint8_t, 32> digest{};
  unsigned int length = 0;
  EVP_Digest(data, size, digest.data(), &length, EVP_sha256(), nullptr);
  return digest;
}

uint32_t bech32_polymod(const std::vector<uint8_t>& values) {
  constexpr std::array<uint32_t, 5> k_generator = {
      0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
  uint32_t check = 1;
  for (uint8_t v : values) {
    uint32_t top = check >> 25;
    check = ((check & 0x1ffffff) << 5) ^ v;
    for (int i = 0; i < 5; ++i) {
      if ((top >> i) & 1) {
        check ^= k_generator[i];
      }
    }
  }
  return check;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  c = ascii_lower(c);
  return (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
}

} // namespace

bool validate_btc_base58(std::string_view text) {
  std::vector<uint8_t> bytes;
  if (text.size() < 26 || text.size() > 35 || !base58_decode(text, bytes) ||
      bytes.size() != 25 || (bytes[0] != 0x00 && bytes[0] != 0x05)) {
    return false;
  }
  std::array<uint8_t, 32> once = sha256(bytes.data(), 21);
  std::array<uint8_t, 32> twice = sha256(once.data(), once.size());
  for (int i = 0; i < 4; ++i) {
    if (twice[i] != bytes[21 + i]) {
      return false;
    }
  }
  return true;
}

bool validate_btc_bech32(std::string_view text) {
  if (text.size() < 14 || text.size() > 90) {
    return false;
  }
  bool has_lower = false;
  bool has_upper = false;
  for (char c : text) {
    has_lower = has_lower || (c >= 'a' && c <= 'z');
    has_upper = has_upper || (c >= 'A' && c <= 'Z');
  }
  size_t separator = text.rfind('1');
  if ((has_lower && has_upper) || separator == std::string_view::npos ||
      text.size() - separator < 8) {
    return false;
  }
  std::string hrp;
  for (char c : text.substr(0, separator)) {
    hrp += ascii_lower(c);
  }
  if (hrp != "bc") {
    return false;
  }
  // Checksummed values: the expanded human-readable part, then the data.
  std::vector<uint8_t> values;
  for (char c : hrp) {
    values.push_back(uint8_t(c) >> 5);
  }
  values.push_back(0);
  for (char c : hrp) {
    values.push_back(uint8_t(c) & 31);
  }
  std::vector<uint8_t> data;
  for (char c : text.substr(separator + 1)) {
    size_t v = k_bech32.find(ascii_lower(c));
    if (v == std::string_view::npos) {
      return false;
    }
    data.push_back(uint8_t(v));
  }
  values.insert(values.end(), data.begin(), data.end());
  const uint32_t residue = bech32_polymod(values);
  const int version = data[0];
  if (version > 16 ||
      residue != (version == 0 ? k_bech32_const : k_bech32m_const)) {
    return false;
  }
  // The witness program: 5-bit groups (without version and checksum)
  // regrouped into bytes; leftover padding must be short and zero.
  uint32_t accumulator = 0;
  int bits = 0;
  size_t program_bytes = 0;
  for (size_t i = 1; i + 6 < data.size(); ++i) {
    accumulator = (accumulator << 5) | data[i];
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      ++program_bytes;
    }
  }
  if (bits >= 5 || (accumulator & ((1u << bits) - 1)) != 0) {
    return false;
  }
  if (version == 0) {
    return program_bytes == 20 || program_bytes == 32;
  }
  return program_bytes >= 2 && program_bytes <= 40;
}

bool validate_eth_address(std::string_view text) {
  if (text.size() != 42 || text[0] != '0' || ascii_lower(text[1]) != 'x') {
    return false;
  }
  std::string_view hex = text.substr(2);
  bool has_lower = false;
  bool has_upper = false;
  for (char c : hex) {
    if (hex_value(c) < 0) {
      return false;
    }
    has_lower = has_lower || (c >= 'a' && c <= 'f');
    has_upper = has_upper || (c >= 'A' && c <= 'F');
  }
  if (hex.find_first_not_of(hex.front()) == std::string_view::npos) {
    return false;
  }
  if (!(has_lower && has_upper)) {
    return true;
  }
  // EIP-55: a letter is upper case exactly when the matching nibble of
  // keccak256(lower-case hex) is 8 or more.
  std::string lowered;
  for (char c : hex) {
    lowered += ascii_lower(c);
  }
  const std::array<uint8_t, 32> hash = keccak256(lowered);
  for (size_t i = 0; i < hex.size(); ++i) {
    if (hex[i] <= '9') {
      continue;
    }
    const int nibble = (i % 2 == 0) ? hash[i / 2] >> 4 : hash[i / 2] & 0xf;
    const bool upper = hex[i] >= 'A' && hex[i] <= 'F';
    if (upper != (nibble >= 8)) {
      return false;
    }
  }
  return true;
}

} // namespace veil
