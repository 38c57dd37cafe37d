#include "core/once_flag.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

namespace veil {
namespace {

TEST_SUITE("core::once_flag") {

  TEST_CASE("runs once, however many threads ask") {
    OnceFlag flag;
    std::atomic<int> runs{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i) {
      threads.emplace_back([&] { flag.call([&] { ++runs; }); });
    }
    for (std::thread& thread : threads) {
      thread.join();
    }
    CHECK(runs == 1);
    CHECK(flag.done());
  }

  TEST_CASE("a call that throws is run again by the next, on any thread") {
    OnceFlag flag;
    int runs = 0;
    std::thread first([&] {
      CHECK_THROWS_AS(flag.call([&] {
        ++runs;
        throw std::runtime_error("not yet");
      }),
                      std::runtime_error);
    });
    first.join();
    CHECK_FALSE(flag.done());
    flag.call([&] { ++runs; });
    CHECK(runs == 2);
    CHECK(flag.done());
  }

} // TEST_SUITE

} // namespace
} // namespace veil
