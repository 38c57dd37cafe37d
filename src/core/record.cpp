#include "core/record.hpp"

namespace veil {

namespace {
// A reused field keeps a text buffer this large or smaller. Each record of
// a batch keeps its fields for the next batch's line at its place; keeping
// every buffer would hold, per place, the longest text seen there.
constexpr size_t k_kept_text_bytes = 512;
} // namespace

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

Field& FieldList::add() {
  if (m_size == m_items.size()) {
    m_items.emplace_back();
    return m_items[m_size++];
  }
  Field& field = m_items[m_size++];
  field.pointer.clear();
  field.raw_begin = 0;
  field.raw_end = 0;
  if (field.text.capacity() > k_kept_text_bytes) {
    std::string().swap(field.text);
  }
  field.text.clear();
  field.role.clear();
  field.direction = Direction::unknown;
  field.is_key = false;
  field.is_json = false;
  return field;
}

size_t FieldList::retained_bytes() const {
  size_t bytes = m_items.capacity() * sizeof(Field);
  for (const Field& field : m_items) {
    for (const std::string* s : {&field.pointer, &field.text, &field.role}) {
      bytes += s->capacity() > std::string().capacity() ? s->capacity() : 0;
    }
  }
  return bytes;
}

} // namespace veil
