// Entry point: parse, dispatch, and map errors to exit codes. The only place
// that catches veil::Error.
#include "cli/app.hpp"
#include "sinks/output.hpp"
#include "sinks/temp_cleanup.hpp"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace {

// Ends the process without destroying static objects: everything veil
// writes is written and closed by now, and freeing them (the phone plans,
// compiled patterns; then libphonenumber's metadata and ICU's tables) took
// milliseconds of a one-line run. Sanitizer builds end normally, so that
// LeakSanitizer still checks at exit.
int leave(int code) {
#if defined(__SANITIZE_ADDRESS__)
  return code;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  return code;
#endif
#endif
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  std::_Exit(code);
}

} // namespace

int main(int argc, char** argv) {
  // A closed pipe must surface as EPIPE (a quiet, successful end), not as a
  // signal that kills the process mid-write.
  std::signal(SIGPIPE, SIG_IGN);
  veil::install_temp_cleanup();
  try {
    return leave(static_cast<int>(veil::parse_and_run(argc, argv)));
  } catch (const veil::BrokenPipe&) {
    return leave(0);
  } catch (const veil::Error& e) {
    std::cerr << "veil: " << e.what() << '\n';
    return leave(static_cast<int>(e.code()));
  } catch (const std::exception& e) {
    std::cerr << "veil: internal error: " << e.what() << '\n';
    return leave(static_cast<int>(veil::ExitCode::input));
  }
}
