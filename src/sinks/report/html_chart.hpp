// Horizontal bar charts as inline SVG for the html report: one row per
// label (the largest first), the count after each bar, the full label in a
// <title> tooltip. Nothing is fetched; colors come from CSS classes.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace veil {

struct Bar {
  std::string label;
  uint64_t count = 0;
  std::string css_class; // "" for the default color
};

// The `limit` largest counts (ties by label), the rest folded into one
// "N others" bar.
std::vector<Bar> top_bars(const std::map<std::string, uint64_t>& counts,
                          size_t limit);

// An <svg> element; `title` names it for screen readers.
std::string bar_chart_svg(std::string_view title, const std::vector<Bar>& bars);

} // namespace veil
