// --canary, --leak-ngram, --allow-domain and --expect-json become the
// output checks' options: canary files are read, domains normalized and
// handed to the exfiltration validators (set_allowed_domains).
#pragma once

#include "cli/options.hpp"
#include "scanner/output_checks.hpp"

namespace veil {

// Throws UsageError for an empty or too short canary, an unreadable
// @FILE or a --allow-domain that is not a host name.
OutputCheckOptions output_check_options(const Options& o);

} // namespace veil
