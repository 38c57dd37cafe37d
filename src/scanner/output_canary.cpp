#include "scanner/output_canary.hpp"

#include <algorithm>
#include <cctype>

namespace veil {

namespace {

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  });
  return out;
}

} // namespace

CanaryFinder::CanaryFinder(const std::vector<std::string>& canaries) {
  for (const std::string& canary : canaries) {
    if (!canary.empty()) {
      m_lowered.push_back(ascii_lower(canary));
    }
  }
}

void CanaryFinder::find(std::string_view text, std::vector<Span>& out) const {
  if (m_lowered.empty()) {
    return;
  }
  std::string lowered = ascii_lower(text);
  size_t first = out.size();
  for (const std::string& canary : m_lowered) {
    size_t pos = lowered.find(canary);
    while (pos != std::string::npos) {
      out.push_back(Span{static_cast<uint32_t>(pos),
                         static_cast<uint32_t>(pos + canary.size())});
      pos = lowered.find(canary, pos + canary.size());
    }
  }
  std::sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
            [](const Span& a, const Span& b) {
              return a.start != b.start ? a.start < b.start : a.end > b.end;
            });
}

} // namespace veil
