#include "cli/long_run.hpp"

#include <unistd.h>

namespace veil {

void set_long_run_options(const Options& o, RunOptions& r) {
  r.stats = o.stats;
  const bool err_tty = isatty(STDERR_FILENO) != 0;
  if (o.progress == "off") {
    return;
  }
  if (o.progress == "on") {
    r.progress =
        err_tty ? ProgressMeter::Mode::terminal : ProgressMeter::Mode::lines;
    return;
  }
  const bool to_stdout =
      (r.output && *r.output == "-") || (r.report && *r.report == "-");
  if (err_tty && !(to_stdout && isatty(STDOUT_FILENO))) {
    r.progress = ProgressMeter::Mode::terminal;
  }
}

} // namespace veil
