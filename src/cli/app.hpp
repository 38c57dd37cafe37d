// The command line: every subcommand and flag with its help text (the one
// source of --help). parse_and_run() dispatches to the cmd_* functions.
#pragma once

#include "core/errors.hpp"

namespace veil {

ExitCode parse_and_run(int argc, char** argv);

} // namespace veil
