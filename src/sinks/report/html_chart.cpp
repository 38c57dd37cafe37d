#include "sinks/report/html_chart.hpp"

#include "sinks/report/markup_escape.hpp"

#include <algorithm>

namespace veil {

namespace {

constexpr int k_width = 520;
constexpr int k_label_width = 190;
constexpr int k_count_width = 56;
constexpr int k_row = 24;
constexpr int k_bar = 16;
constexpr size_t k_label_chars = 28;

// At most k_label_chars code points, cut with an ellipsis before a lead
// byte, so no UTF-8 sequence is split.
std::string short_label(const std::string& label) {
  size_t points = 0;
  size_t cut = label.size();
  for (size_t i = 0; i < label.size(); ++i) {
    if ((static_cast<unsigned char>(label[i]) & 0xC0) == 0x80) {
      continue; // a continuation byte
    }
    if (points == k_label_chars - 1) {
      cut = i;
    }
    ++points;
  }
  if (points <= k_label_chars) {
    return label;
  }
  return label.substr(0, cut) + "\xE2\x80\xA6"; // U+2026
}

} // namespace

std::vector<Bar> top_bars(const std::map<std::string, uint64_t>& counts,
                          size_t limit) {
  std::vector<Bar> bars;
  for (const auto& [label, count] : counts) {
    bars.push_back(Bar{label, count, ""});
  }
  std::stable_sort(bars.begin(), bars.end(), [](const Bar& a, const Bar& b) {
    return a.count > b.count;
  });
  if (bars.size() > limit) {
    uint64_t rest = 0;
    for (size_t i = limit; i < bars.size(); ++i) {
      rest += bars[i].count;
    }
    const size_t others = bars.size() - limit;
    bars.resize(limit);
    bars.push_back(Bar{std::to_string(others) + " others", rest, "others"});
  }
  return bars;
}

std::string bar_chart_svg(std::string_view title,
                          const std::vector<Bar>& bars) {
  uint64_t most = 1;
  for (const Bar& b : bars) {
    most = std::max(most, b.count);
  }
  const int height = static_cast<int>(bars.size()) * k_row + 4;
  const int span = k_width - k_label_width - k_count_width;
  // Inline SVG in HTML needs no xmlns: the page names no URL at all.
  std::string svg = "<svg class=\"chart\" viewBox=\"0 0 " +
                    std::to_string(k_width) + " " + std::to_string(height) +
                    "\" role=\"img\" aria-label=\"" + markup_escape(title) +
                    "\">\n";
  int y = 2;
  for (const Bar& b : bars) {
    // Every count gets a visible sliver, however small beside the largest.
    const int width = std::max<int>(
        2, static_cast<int>(static_cast<double>(b.count) / most * span));
    const std::string label = markup_escape(b.label);
    const std::string baseline = std::to_string(y + k_bar - 3);
    svg += "<g class=\"bar" + (b.css_class.empty() ? "" : " " + b.css_class) +
           "\"><title>" + label + ": " + std::to_string(b.count) +
           "</title><text class=\"label\" x=\"" +
           std::to_string(k_label_width - 8) + "\" y=\"" + baseline + "\">" +
           markup_escape(short_label(b.label)) + "</text><rect x=\"" +
           std::to_string(k_label_width) + "\" y=\"" + std::to_string(y) +
           "\" width=\"" + std::to_string(width) + "\" height=\"" +
           std::to_string(k_bar) + "\" rx=\"3\"/><text class=\"count\" x=\"" +
           std::to_string(k_label_width + width + 6) + "\" y=\"" + baseline +
           "\">" + std::to_string(b.count) + "</text></g>\n";
    y += k_row;
  }
  svg += "</svg>";
  return svg;
}

} // namespace veil
