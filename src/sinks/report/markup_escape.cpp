#include "sinks/report/markup_escape.hpp"

#include "sinks/report/report_text.hpp"

namespace veil {

std::string markup_escape(std::string_view s) {
  const std::string text = safe_text(s);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

} // namespace veil
