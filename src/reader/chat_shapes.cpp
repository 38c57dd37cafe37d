#include "reader/chat_shapes.hpp"

#include <array>

namespace veil {

namespace {

struct ShapeRule {
  std::string_view top_key; // first pointer segment
  std::string_view role;
};

// Records without explicit roles: the top-level key says who wrote the text.
// clang-format off
constexpr std::array<ShapeRule, 14> k_top_level_roles = {{
    {"prompt", "user"},        {"input", "user"},
    {"question", "user"},      {"query", "user"},
    {"completion", "assistant"}, {"output", "assistant"},
    {"response", "assistant"}, {"answer", "assistant"},
    {"choices", "assistant"},  {"content", "assistant"},
    {"reasoning_content", "assistant"},
    {"system", "system"},      {"instructions", "system"},
    {"system_prompt", "system"},
}};
// clang-format on

bool starts_with_segment(std::string_view pointer, std::string_view prefix) {
  return pointer.size() > prefix.size() &&
         pointer.substr(0, prefix.size()) == prefix &&
         pointer[prefix.size()] == '/';
}

std::string_view first_segment(std::string_view pointer) {
  if (pointer.empty()) {
    return pointer;
  }
  size_t end = pointer.find('/', 1);
  return pointer.substr(1, end == std::string_view::npos ? end : end - 1);
}

// The role of the innermost object with a "role" key that holds the field.
std::string_view explicit_role(const Record& record, const Field& field) {
  std::string_view best;
  size_t best_len = 0;
  for (const auto& [owner, role] : record.roles) {
    bool inside = owner.empty() || starts_with_segment(field.pointer, owner);
    if (inside && (best.empty() || owner.size() >= best_len)) {
      best = role;
      best_len = owner.size();
    }
  }
  return best;
}

std::string_view shape_role(const Field& field) {
  std::string_view top = first_segment(field.pointer);
  for (const ShapeRule& rule : k_top_level_roles) {
    if (rule.top_key == top) {
      return rule.role;
    }
  }
  return {};
}

} // namespace

Direction direction_of_role(std::string_view role) {
  if (role == "user" || role == "tool" || role == "function" ||
      role == "ipython" || role == "human") {
    return Direction::input;
  }
  if (role == "assistant" || role == "model" || role == "ai") {
    return Direction::output;
  }
  if (role == "system" || role == "developer") {
    return Direction::system;
  }
  return Direction::unknown;
}

void assign_roles(Record& record) {
  for (Field& field : record.fields) {
    std::string_view role = explicit_role(record, field);
    if (role.empty()) {
      role = shape_role(field);
    }
    field.role.assign(role);
    field.direction = direction_of_role(role);
  }
}

} // namespace veil
