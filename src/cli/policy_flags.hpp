// The policy's flags and the `policy show|test` subcommand, kept next to
// each other so that app.cpp only calls them.
#pragma once

#include "cli/options.hpp"
#include "core/errors.hpp"

#include <CLI/CLI.hpp>

namespace veil {

// --policy, --segment-by, --metrics: scan, redact and policy test.
void add_policy_flags(CLI::App& cmd, Options& o);
// --rejects, --split-by, --out-dir: redact only.
void add_redact_policy_flags(CLI::App& cmd, Options& o);
// `veil policy show` and `veil policy test FILE...`.
void add_policy_command(CLI::App& app, Options& o, ExitCode& code);

} // namespace veil
