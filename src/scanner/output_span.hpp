// A byte range in a field's decoded text, as the output checks report it.
#pragma once

#include <cstdint>

namespace veil {

struct Span {
  uint32_t start = 0;
  uint32_t end = 0;

  bool operator==(const Span&) const = default;
};

} // namespace veil
