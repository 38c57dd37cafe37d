// Temporary files that SIGINT, SIGTERM or SIGHUP must not leave behind. The
// handler may only make async-signal-safe calls, so paths live in fixed
// slots (no allocation) and it unlinks them, then dies of the same signal.
#pragma once

namespace veil {

// Installs the handlers (once, from main).
void install_temp_cleanup();

// Returns a slot number for unregister_temp(), or -1 when every slot is
// taken (the file is then only removed by normal cleanup).
int register_temp(const char* path);
void unregister_temp(int slot);

} // namespace veil
