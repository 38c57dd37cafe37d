#include "baseline/allow_marker.hpp"

#include <algorithm>
#include <array>

namespace veil {

namespace {

constexpr std::array<std::string_view, 3> k_markers = {
    "veil:allow", "gitleaks:allow", "pragma: allowlist secret"};

} // namespace

bool has_allow_marker(std::string_view text) {
  for (std::string_view marker : k_markers) {
    if (text.find(marker) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

bool line_has_allow_marker(std::string_view text, size_t pos) {
  return AllowMarkerLines().on_line_of(text, pos);
}

bool AllowMarkerLines::on_line_of(std::string_view text, size_t pos) {
  if (pos > text.size()) {
    return false;
  }
  if (text.data() == m_text.data() && text.size() == m_text.size() &&
      m_begin <= pos && pos <= m_end) {
    return m_marked;
  }
  const size_t newline =
      pos == 0 ? std::string_view::npos : text.rfind('\n', pos - 1);
  m_text = text;
  m_begin = newline == std::string_view::npos ? 0 : newline + 1;
  m_end = std::min(text.find('\n', pos), text.size());
  m_marked = has_allow_marker(text.substr(m_begin, m_end - m_begin));
  return m_marked;
}

} // namespace veil
