// Entry point: parse, dispatch, and map errors to exit codes. The only place
// that catches veil::Error.
#include "cli/app.hpp"
#include "sinks/output.hpp"
#include "sinks/temp_cleanup.hpp"

#include <csignal>
#include <iostream>

int main(int argc, char** argv) {
  // A closed pipe must surface as EPIPE (a quiet, successful end), not as a
  // signal that kills the process mid-write.
  std::signal(SIGPIPE, SIG_IGN);
  veil::install_temp_cleanup();
  try {
    return static_cast<int>(veil::parse_and_run(argc, argv));
  } catch (const veil::BrokenPipe&) {
    return 0;
  } catch (const veil::Error& e) {
    std::cerr << "veil: " << e.what() << '\n';
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    std::cerr << "veil: internal error: " << e.what() << '\n';
    return static_cast<int>(veil::ExitCode::input);
  }
}
