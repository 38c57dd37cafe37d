#include "core/record.hpp"

#include <algorithm>

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

Field& FieldList::add(std::string_view pointer, size_t block_bytes) {
  if (m_size == m_items.size()) {
    m_items.emplace_back();
  }
  Field& field = m_items[m_size++];
  field.pointer =
      pointer.empty() ? std::string_view("") : keep(pointer, block_bytes);
  field.raw_begin = 0;
  field.raw_end = 0;
  field.text = "";
  if (field.role.capacity() > std::string().capacity()) {
    std::string().swap(field.role);
  }
  field.role.clear();
  field.direction = Direction::unknown;
  field.is_key = false;
  field.is_json = false;
  field.cut_start = false;
  field.decoded_from = 0;
  return field;
}

void FieldList::clear() {
  m_size = 0;
  m_own.clear();
}

std::string_view TextArena::keep(std::string_view text, size_t block_bytes) {
  for (;; ++m_block) {
    if (m_block == m_blocks.size()) {
      size_t capacity = std::max({text.size(), block_bytes, m_min_block});
      m_blocks.push_back(
          Block{std::make_unique_for_overwrite<char[]>(capacity), 0, capacity});
      m_bytes += capacity;
    }
    Block& block = m_blocks[m_block];
    if (block.capacity - block.size >= text.size()) {
      char* at = block.bytes.get() + block.size;
      std::copy(text.begin(), text.end(), at);
      block.size += text.size();
      return std::string_view(at, text.size());
    }
  }
}

void TextArena::clear() {
  for (size_t b = 0; b < m_blocks.size() && b <= m_block; ++b) {
    m_blocks[b].size = 0;
  }
  m_block = 0;
}

} // namespace veil
