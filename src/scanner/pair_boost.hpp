// Raises matches whose rule names a partner (`pairs_with`) that also matched
// in the same record: one level of severity and a tenth of confidence.
#pragma once

#include "core/finding.hpp"

#include <vector>

namespace veil {

// Applies to matches[from, end): the matches of one record.
void raise_paired(std::vector<Match>& matches, size_t from);

} // namespace veil
