// A fixed set of threads taking tasks from one queue. A task receives the
// index of the thread running it, so callers can keep per-thread state (a
// JSON parser, scanner scratch) without locks. Results come back through
// futures, which the caller consumes in submission order.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

namespace veil {

class WorkerPool {
public:
  using Task = std::function<void(size_t worker)>;

  explicit WorkerPool(size_t threads);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  std::future<void> submit(Task task);
  size_t size() const { return m_threads.size(); }

private:
  void run(size_t worker);

  std::mutex m_mutex;
  std::condition_variable m_ready;
  std::deque<std::packaged_task<void(size_t)>> m_queue;
  bool m_stopping = false;
  std::vector<std::thread> m_threads;
};

} // namespace veil
