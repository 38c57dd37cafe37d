#include "pipeline/worker_pool.hpp"

namespace veil {

WorkerPool::WorkerPool(size_t threads) {
  for (size_t i = 0; i < threads; ++i) {
    m_threads.emplace_back([this, i] { run(i); });
  }
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard lock(m_mutex);
    m_stopping = true;
  }
  m_ready.notify_all();
  for (std::thread& t : m_threads) {
    t.join();
  }
}

std::future<void> WorkerPool::submit(Task task) {
  std::packaged_task<void(size_t)> packaged(std::move(task));
  std::future<void> result = packaged.get_future();
  {
    std::lock_guard lock(m_mutex);
    m_queue.push_back(std::move(packaged));
  }
  m_ready.notify_one();
  return result;
}

void WorkerPool::run(size_t worker) {
  while (true) {
    std::packaged_task<void(size_t)> task;
    {
      std::unique_lock lock(m_mutex);
      m_ready.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
      if (m_queue.empty()) {
        return;
      }
      task = std::move(m_queue.front());
      m_queue.pop_front();
    }
    task(worker);
  }
}

} // namespace veil
