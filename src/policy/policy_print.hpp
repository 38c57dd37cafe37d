// `veil policy show`: the effective policy written back as TOML (a file
// --policy loads again) or as JSON, with the sources it was merged from.
#pragma once

#include "policy/policy.hpp"

#include <ostream>

namespace veil::policy {

void print_toml(std::ostream& out, const Policy& p);
void print_json(std::ostream& out, const Policy& p);

} // namespace veil::policy
