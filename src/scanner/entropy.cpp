#include "scanner/entropy.hpp"

#include <array>
#include <cmath>
#include <cstddef>

namespace veil {

double shannon_entropy(std::string_view text) {
  if (text.empty()) {
    return 0.0;
  }
  std::array<size_t, 256> counts{};
  for (unsigned char c : text) {
    ++counts[c];
  }
  const double size = static_cast<double>(text.size());
  double bits = 0.0;
  for (size_t count : counts) {
    if (count > 0) {
      const double p = static_cast<double>(count) / size;
      bits -= p * std::log2(p);
    }
  }
  return bits;
}

} // namespace veil
