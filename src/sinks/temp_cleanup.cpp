#include "sinks/temp_cleanup.hpp"

#include <climits>

#include <atomic>
#include <csignal>
#include <cstring>
#include <unistd.h>

namespace veil {

namespace {

// -o file, report, vault, split outputs: a run holds a handful at once.
constexpr int k_slots = 64;

struct Slot {
  std::atomic<bool> used{false};
  std::atomic<bool> ready{false}; // path written, visible to the handler
  char path[PATH_MAX] = {};
};

Slot g_slots[k_slots];

extern "C" void remove_temps_and_die(int sig) {
  for (Slot& slot : g_slots) {
    if (slot.ready.load(std::memory_order_acquire)) {
      ::unlink(slot.path);
    }
  }
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

} // namespace

void install_temp_cleanup() {
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
    std::signal(sig, remove_temps_and_die);
  }
}

int register_temp(const char* path) {
  if (std::strlen(path) >= PATH_MAX) {
    return -1;
  }
  for (int i = 0; i < k_slots; ++i) {
    bool expected = false;
    if (g_slots[i].used.compare_exchange_strong(expected, true)) {
      std::strcpy(g_slots[i].path, path);
      g_slots[i].ready.store(true, std::memory_order_release);
      return i;
    }
  }
  return -1;
}

void unregister_temp(int slot) {
  if (slot < 0 || slot >= k_slots) {
    return;
  }
  g_slots[slot].ready.store(false, std::memory_order_release);
  g_slots[slot].used.store(false, std::memory_order_release);
}

} // namespace veil
