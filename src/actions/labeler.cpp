#include "actions/labeler.hpp"

#include <algorithm>

namespace veil {

std::string Labeler::label(const std::string& entity,
                           const std::string& normalized) {
  PerEntity& per = m_numbers[entity];
  auto [it, inserted] = per.values.emplace(normalized, per.next);
  if (inserted) {
    ++per.next;
  }
  return "[" + entity + "_" + std::to_string(it->second) + "]";
}

void Labeler::seed(const std::string& entity, const std::string& normalized,
                   size_t number) {
  PerEntity& per = m_numbers[entity];
  per.values.emplace(normalized, number);
  per.next = std::max(per.next, number + 1);
}

std::optional<LabelName> parse_label(std::string_view placeholder) {
  if (placeholder.size() < 4 || placeholder.front() != '[' ||
      placeholder.back() != ']') {
    return std::nullopt;
  }
  std::string_view inner = placeholder.substr(1, placeholder.size() - 2);
  size_t underscore = inner.rfind('_');
  if (underscore == 0 || underscore == std::string_view::npos ||
      underscore + 1 == inner.size() || inner.size() - underscore > 10) {
    return std::nullopt;
  }
  LabelName name{std::string(inner.substr(0, underscore)), 0};
  for (char c : inner.substr(underscore + 1)) {
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    name.number = name.number * 10 + static_cast<size_t>(c - '0');
  }
  return name.number == 0 ? std::nullopt : std::optional(name);
}

} // namespace veil
