#include "actions/style.hpp"

#include <array>

namespace veil {

namespace {

struct StyleName {
  Style style;
  std::string_view name;
};

constexpr std::array<StyleName, 7> k_styles = {{
    {Style::label, "label"},
    {Style::mask, "mask"},
    {Style::partial, "partial"},
    {Style::hash, "hash"},
    {Style::remove, "remove"},
    {Style::encrypt, "encrypt"},
    {Style::none, "none"},
}};

} // namespace

std::optional<Style> parse_style(std::string_view name) {
  for (const StyleName& s : k_styles) {
    if (s.name == name) {
      return s.style;
    }
  }
  return std::nullopt;
}

std::string_view to_string(Style style) {
  for (const StyleName& s : k_styles) {
    if (s.style == style) {
      return s.name;
    }
  }
  return "label";
}

std::vector<std::string> style_names() {
  std::vector<std::string> out;
  for (const StyleName& s : k_styles) {
    out.emplace_back(s.name);
  }
  return out;
}

} // namespace veil
