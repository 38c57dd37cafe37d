#include "scanner/output_json.hpp"

#include <nlohmann/json.hpp>

#include <array>

namespace veil {

namespace {

// clang-format off
constexpr std::array<std::string_view, 6> k_answer_keys = {
    "content", "text", "completion", "output", "response", "answer"};
constexpr std::array<std::string_view, 4> k_not_answers = {
    "/tool_calls/", "/function_call/", "/delta/", "/tool_use/"};
// clang-format on

std::string_view last_segment(std::string_view pointer) {
  size_t slash = pointer.rfind('/');
  return slash == std::string_view::npos ? pointer : pointer.substr(slash + 1);
}

} // namespace

bool is_answer_field(const Field& field) {
  if (field.direction != Direction::output || field.is_key) {
    return false;
  }
  for (std::string_view part : k_not_answers) {
    if (field.pointer.find(part) != std::string::npos) {
      return false;
    }
  }
  std::string_view key = last_segment(field.pointer);
  for (std::string_view answer : k_answer_keys) {
    if (key == answer) {
      return true;
    }
  }
  return false;
}

bool parses_as_json(std::string_view text) {
  return nlohmann::json::accept(text.begin(), text.end());
}

} // namespace veil
