#include "sinks/report/json_layout.hpp"

#include "sinks/report/json_fields.hpp"

namespace veil {

std::string nested_json(const nlohmann::ordered_json& j, size_t by) {
  const std::string text = dump_json(j, 2);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    out += c;
    // JSON strings never hold a raw newline: each one starts a new line.
    if (c == '\n') {
      out.append(by, ' ');
    }
  }
  return out;
}

} // namespace veil
