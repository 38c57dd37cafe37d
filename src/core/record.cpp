#include "core/record.hpp"

namespace veil {

std::string_view to_string(Direction d) {
  switch (d) {
  case Direction::input:
    return "input";
  case Direction::output:
    return "output";
  case Direction::system:
    return "system";
  case Direction::unknown:
    break;
  }
  return "unknown";
}

} // namespace veil
