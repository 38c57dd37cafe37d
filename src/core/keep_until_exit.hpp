// Objects that live until the process ends. veil ends with std::_Exit
// (main.cpp), so these are never destroyed: a run does not free its
// compiled rules and their DFA caches, or the label of every value it saw,
// piece by piece after its output is written (on a file of 100,000
// distinct emails that took 40 of its 600 ms). Sanitizer builds end
// normally, and the static holder then destroys them.
#pragma once

#include <memory>
#include <mutex>
#include <vector>

namespace veil {

template <class T>
T& keep_until_exit(std::unique_ptr<T> object) {
  static std::mutex mutex;
  static std::vector<std::shared_ptr<void>> kept;
  T& kept_object = *object;
  std::lock_guard<std::mutex> lock(mutex);
  kept.push_back(std::shared_ptr<T>(std::move(object)));
  return kept_object;
}

} // namespace veil
