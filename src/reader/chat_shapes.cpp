#include "reader/chat_shapes.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>
#include <vector>

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

std::string_view first_segment(std::string_view pointer) {
  if (pointer.empty()) {
    return pointer;
  }
  size_t end = pointer.find('/', 1);
  return pointer.substr(1, end == std::string_view::npos ? end : end - 1);
}

// (object pointer, role) in document order; sorted by pointer (stably)
// when there are more than k_scanned_roles.
using OwnerRoles = std::vector<std::pair<std::string, std::string>>;

// Records of a few messages are looked up in document order, one length
// compare per entry mostly; sorted, a look-up took three string compares.
constexpr size_t k_scanned_roles = 16;

// Stable: of an object's "role" keys, the last one read counts.
void sort_roles(OwnerRoles& roles) {
  auto by_owner = [](const auto& a, const auto& b) {
    return a.first < b.first;
  };
  if (roles.size() > k_scanned_roles &&
      !std::is_sorted(roles.begin(), roles.end(), by_owner)) {
    std::stable_sort(roles.begin(), roles.end(), by_owner);
  }
}

// The role an object's last "role" key gives, or "".
std::string_view role_of(const OwnerRoles& roles, std::string_view owner) {
  if (roles.size() <= k_scanned_roles) {
    for (auto it = roles.rbegin(); it != roles.rend(); ++it) {
      if (it->first.size() == owner.size() && it->first == owner) {
        return it->second;
      }
    }
    return {};
  }
  auto after = std::upper_bound(
      roles.begin(), roles.end(), owner,
      [](std::string_view o, const auto& entry) { return o < entry.first; });
  return after != roles.begin() && std::prev(after)->first == owner
             ? std::string_view(std::prev(after)->second)
             : std::string_view();
}

// The role of the innermost object with a non-empty "role" that holds the
// field: its ancestors are looked up from the innermost out, so a record of
// many messages costs fields x depth, not fields x messages.
std::string_view explicit_role(const OwnerRoles& roles,
                               std::string_view pointer) {
  if (roles.empty()) {
    return {}; // no "role" key in the record: nothing to look up
  }
  for (size_t cut = pointer.rfind('/'); cut != std::string_view::npos;
       cut = cut == 0 ? std::string_view::npos : pointer.rfind('/', cut - 1)) {
    if (std::string_view role = role_of(roles, pointer.substr(0, cut));
        !role.empty()) {
      return role;
    }
  }
  // The root object (owner "") holds every field; the loop met it at the
  // leading '/' of a JSON Pointer, not in a text line's pointer "".
  return pointer.starts_with('/') ? std::string_view() : role_of(roles, "");
}

std::string_view shape_role(std::string_view pointer) {
  std::string_view top = first_segment(pointer);
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

void assign_role(Field& field, std::string_view role) {
  if (role.empty()) {
    role = shape_role(field.pointer);
  }
  field.role.assign(role);
  field.direction = direction_of_role(role);
}

void assign_roles(Record& record) {
  sort_roles(record.roles);
  for (Field& field : record.fields) {
    assign_role(field, explicit_role(record.roles, field.pointer));
  }
}

} // namespace veil
