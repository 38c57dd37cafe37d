// errno → the text the C library prints for it ("No such file or directory").
// Goes through std::generic_category, which is thread-safe where strerror is
// not, so sources may be opened from worker threads.
#pragma once

#include <string>
#include <system_error>

namespace veil {

inline std::string errno_text(int err) {
  return std::generic_category().message(err);
}

} // namespace veil
