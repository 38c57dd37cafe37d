#include "actions/labeler.hpp"

namespace veil {

std::string Labeler::label(const std::string& entity,
                           const std::string& normalized) {
  auto& values = m_numbers[entity].values;
  auto [it, inserted] = values.emplace(normalized, values.size() + 1);
  return "[" + entity + "_" + std::to_string(it->second) + "]";
}

} // namespace veil
