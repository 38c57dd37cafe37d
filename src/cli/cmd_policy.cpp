// `veil policy show`: the effective policy. `veil policy test` lives with
// the pipeline commands in cmd_scan.cpp.
#include "cli/commands.hpp"
#include "cli/policy_options.hpp"
#include "core/errors.hpp"
#include "policy/policy_print.hpp"

#include <iostream>

namespace veil {

ExitCode cmd_policy_show(const Options& o) {
  policy::Policy p = effective_policy(o);
  if (o.format == "json") {
    policy::print_json(std::cout, p);
  } else {
    policy::print_toml(std::cout, p);
  }
  return ExitCode::ok;
}

} // namespace veil
