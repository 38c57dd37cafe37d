// A once flag with an inline fast path: once done, one acquire load.
// libstdc++'s call_once stores its callable in thread-local state before
// every pthread_once, a cost paid each time a lazily built rule is used (per
// rule, per text). And a mutex, not std::call_once, guards the first call:
// after a call_once whose function threw, the next call waits forever under
// ThreadSanitizer (its pthread_once keeps the flag taken), and a rule whose
// regex does not compile is asked again by the search that needs it.
#pragma once

#include <atomic>
#include <mutex>

namespace veil {

class OnceFlag {
public:
  // Runs f the first time; concurrent callers wait for it. If f throws, the
  // next call runs it again.
  template <class F>
  void call(F&& f) {
    if (m_done.load(std::memory_order_acquire)) {
      return;
    }
    std::lock_guard lock(m_mutex);
    if (!m_done.load(std::memory_order_relaxed)) {
      f();
      m_done.store(true, std::memory_order_release);
    }
  }

  bool done() const { return m_done.load(std::memory_order_acquire); }

private:
  std::mutex m_mutex;
  std::atomic<bool> m_done{false};
};

} // namespace veil
