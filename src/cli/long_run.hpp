// --progress, --no-progress and --stats -> RunOptions.
#pragma once

#include "cli/options.hpp"
#include "pipeline/pipeline.hpp"

namespace veil {

// Call once the report and output destinations are set. Without a flag the
// line is drawn only when stderr is a terminal and nothing goes to a
// terminal on stdout, so it never mixes with a report or stream printed on
// the same screen. --progress draws it anyway: redrawn in place on a
// terminal, else as whole lines at most once a second (for logs).
void set_long_run_options(const Options& o, RunOptions& r);

} // namespace veil
