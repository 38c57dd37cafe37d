#include "scanner/keccak.hpp"

namespace veil {

namespace {

constexpr size_t k_rate = 136; // bytes absorbed per block for 256-bit output

constexpr std::array<uint64_t, 24> k_round_constants = {
    0x0000000000000001ULL, 0x0000000000008082ULL, 0x800000000000808AULL,
    0x8000000080008000ULL, 0x000000000000808BULL, 0x0000000080000001ULL,
    0x8000000080008081ULL, 0x8000000000008009ULL, 0x000000000000008AULL,
    0x0000000000000088ULL, 0x0000000080008009ULL, 0x000000008000000AULL,
    0x000000008000808BULL, 0x800000000000008BULL, 0x8000000000008089ULL,
    0x8000000000008003ULL, 0x8000000000008002ULL, 0x8000000000000080ULL,
    0x000000000000800AULL, 0x800000008000000AULL, 0x8000000080008081ULL,
    0x8000000000008080ULL, 0x0000000080000001ULL, 0x8000000080008008ULL};

// Rotation of lane x + 5y in the rho step.
constexpr std::array<int, 25> k_rotations = {0,  1, 62, 28, 27, 36, 44, 6,  55,
                                             20, 3, 10, 43, 25, 39, 41, 45, 15,
                                             21, 8, 18, 2,  61, 56, 14};

uint64_t rotl(uint64_t v, int n) {
  return n == 0 ? v : (v << n) | (v >> (64 - n));
}

void keccak_f(std::array<uint64_t, 25>& a) {
  for (uint64_t round_constant : k_round_constants) {
    uint64_t c[5];
    for (int x = 0; x < 5; ++x) {
      c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
    }
    for (int x = 0; x < 5; ++x) {
      uint64_t d = c[(x + 4) % 5] ^ rotl(c[(x + 1) % 5], 1);
      for (int y = 0; y < 25; y += 5) {
        a[x + y] ^= d;
      }
    }
    // rho and pi: lane (x, y) moves to (y, 2x + 3y).
    uint64_t b[25];
    for (int x = 0; x < 5; ++x) {
      for (int y = 0; y < 5; ++y) {
        b[y + 5 * ((2 * x + 3 * y) % 5)] =
            rotl(a[x + 5 * y], k_rotations[x + 5 * y]);
      }
    }
    for (int y = 0; y < 25; y += 5) {
      for (int x = 0; x < 5; ++x) {
        a[x + y] = b[x + y] ^ (~b[(x + 1) % 5 + y] & b[(x + 2) % 5 + y]);
      }
    }
    a[0] ^= round_constant;
  }
}

void absorb(std::array<uint64_t, 25>& state, const uint8_t* block) {
  for (size_t i = 0; i < k_rate; ++i) {
    state[i / 8] ^= uint64_t(block[i]) << (8 * (i % 8));
  }
  keccak_f(state);
}

} // namespace

std::array<uint8_t, 32> keccak256(std::string_view data) {
  std::array<uint64_t, 25> state{};
  const auto* bytes = reinterpret_cast<const uint8_t*>(data.data());
  size_t size = data.size();
  while (size >= k_rate) {
    absorb(state, bytes);
    bytes += k_rate;
    size -= k_rate;
  }
  // Keccak's pad10*1 with domain byte 0x01 (SHA-3 would use 0x06).
  uint8_t last[k_rate] = {};
  for (size_t i = 0; i < size; ++i) {
    last[i] = bytes[i];
  }
  last[size] ^= 0x01;
  last[k_rate - 1] ^= 0x80;
  absorb(state, last);
  std::array<uint8_t, 32> out{};
  for (size_t i = 0; i < out.size(); ++i) {
    out[i] = uint8_t(state[i / 8] >> (8 * (i % 8)));
  }
  return out;
}

} // namespace veil
