#include "pipeline/worker_pool.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <set>
#include <stdexcept>
#include <vector>

namespace veil {
namespace {

TEST_SUITE("pipeline::worker_pool") {

  TEST_CASE("runs every task and passes worker indices below size") {
    WorkerPool pool(3);
    CHECK(pool.size() == 3);
    constexpr size_t k_tasks = 500;
    std::vector<size_t> worker_of(k_tasks, 99);
    std::atomic<size_t> ran{0};
    std::vector<std::future<void>> done;
    for (size_t i = 0; i < k_tasks; ++i) {
      done.push_back(pool.submit([&, i](size_t worker) {
        worker_of[i] = worker; // each task writes its own slot
        ran.fetch_add(1);
      }));
    }
    for (std::future<void>& f : done) {
      f.get();
    }
    CHECK(ran.load() == k_tasks);
    std::set<size_t> used(worker_of.begin(), worker_of.end());
    CHECK_FALSE(used.empty());
    CHECK(*used.rbegin() < pool.size());
  }

  TEST_CASE("one worker runs tasks in submission order") {
    WorkerPool pool(1);
    std::vector<int> order;
    std::vector<size_t> workers;
    std::vector<std::future<void>> done;
    for (int i = 0; i < 50; ++i) {
      done.push_back(pool.submit([&order, &workers, i](size_t worker) {
        workers.push_back(worker);
        order.push_back(i);
      }));
    }
    for (std::future<void>& f : done) {
      f.get();
    }
    std::vector<int> expected;
    for (int i = 0; i < 50; ++i) {
      expected.push_back(i);
    }
    CHECK(order == expected);
    CHECK(workers == std::vector<size_t>(50, 0));
  }

  TEST_CASE("an exception in a task comes back through its future") {
    WorkerPool pool(2);
    std::future<void> bad =
        pool.submit([](size_t) { throw std::runtime_error("boom"); });
    std::future<void> good = pool.submit([](size_t) {});
    CHECK_THROWS_WITH(bad.get(), "boom");
    CHECK_NOTHROW(good.get());
  }

  TEST_CASE("the destructor runs the tasks still queued") {
    std::atomic<int> ran{0};
    {
      WorkerPool pool(2);
      for (int i = 0; i < 200; ++i) {
        pool.submit([&ran](size_t) { ran.fetch_add(1); });
      }
    }
    CHECK(ran.load() == 200);
  }

} // TEST_SUITE

} // namespace
} // namespace veil
