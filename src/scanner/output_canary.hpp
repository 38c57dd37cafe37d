// Canary tokens: strings an operator plants in a system prompt (--canary)
// so that seeing one in the model's output proves the prompt leaked. Found
// verbatim, ignoring ASCII case (a model asked to "shout" it still leaks it).
#pragma once

#include "scanner/output_span.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace veil {

class CanaryFinder {
public:
  explicit CanaryFinder(const std::vector<std::string>& canaries);

  bool empty() const { return m_lowered.empty(); }
  // Appends every occurrence of every canary in text, in text order.
  void find(std::string_view text, std::vector<Span>& out) const;

private:
  std::vector<std::string> m_lowered;
};

} // namespace veil
