#include "actions/labeler.hpp"

#include <algorithm>

namespace veil {

size_t Labeler::Numbers::find_or_add(const std::string& value, size_t number) {
  if (2 * (m_values.size() + 1) > m_slots.size()) {
    grow();
  }
  const uint64_t hash = std::hash<std::string>{}(value);
  const size_t mask = m_slots.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    Slot& slot = m_slots[i];
    if (slot.value == 0) {
      m_values.emplace_back(value, number);
      slot = {hash, uint32_t(m_values.size())};
      return number;
    }
    if (slot.hash == hash && m_values[slot.value - 1].first == value) {
      return m_values[slot.value - 1].second;
    }
  }
}

void Labeler::Numbers::grow() {
  std::vector<Slot> slots(std::max<size_t>(16, 2 * m_slots.size()));
  const size_t mask = slots.size() - 1;
  for (const Slot& slot : m_slots) {
    if (slot.value != 0) {
      size_t i = slot.hash & mask;
      while (slots[i].value != 0) {
        i = (i + 1) & mask;
      }
      slots[i] = slot;
    }
  }
  m_slots = std::move(slots);
}

std::string Labeler::label(const std::string& entity,
                           const std::string& normalized) {
  Numbers& numbers = m_numbers[entity];
  const size_t number = numbers.find_or_add(normalized, numbers.next);
  if (number == numbers.next) {
    ++numbers.next;
  }
  return "[" + entity + "_" + std::to_string(number) + "]";
}

void Labeler::seed(const std::string& entity, const std::string& normalized,
                   size_t number) {
  Numbers& numbers = m_numbers[entity];
  numbers.find_or_add(normalized, number);
  numbers.next = std::max(numbers.next, number + 1);
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
