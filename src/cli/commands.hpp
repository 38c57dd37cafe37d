// The subcommands, each taking the parsed Options.
#pragma once

#include "cli/options.hpp"
#include "core/errors.hpp"

namespace veil {

ExitCode cmd_scan(const Options& options);
ExitCode cmd_redact(const Options& options);
ExitCode cmd_baseline(const Options& options);
ExitCode cmd_restore(const Options& options);
ExitCode cmd_rules_list(const Options& options);
ExitCode cmd_rules_show(const Options& options);
ExitCode cmd_rules_test(const Options& options);
ExitCode cmd_rules_lint(const Options& options);
ExitCode cmd_policy_show(const Options& options);
ExitCode cmd_policy_test(const Options& options);
ExitCode cmd_merge(const Options& options);

} // namespace veil
