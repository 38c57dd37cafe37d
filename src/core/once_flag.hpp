// std::call_once with an inline fast path. libstdc++'s call_once stores its
// callable in thread-local state before every pthread_once, a cost paid
// each time a lazily built rule is used (per rule, per text); once done,
// this is one acquire load.
#pragma once

#include <atomic>
#include <mutex>

namespace veil {

class OnceFlag {
public:
  // Runs f the first time; concurrent callers wait for it. If f throws, the
  // next call runs it again (as std::call_once).
  template <class F>
  void call(F&& f) {
    if (m_done.load(std::memory_order_acquire)) {
      return;
    }
    std::call_once(m_flag, [&] {
      f();
      m_done.store(true, std::memory_order_release);
    });
  }

  bool done() const { return m_done.load(std::memory_order_acquire); }

private:
  std::once_flag m_flag;
  std::atomic<bool> m_done{false};
};

} // namespace veil
