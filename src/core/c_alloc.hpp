// Blocks from malloc, calloc and realloc, owned by a unique_ptr: for a
// buffer that realloc() grows in place (mremap for large blocks), or a
// zeroed table whose pages are only faulted in where it is touched.
#pragma once

#include <cstdlib>
#include <memory>
#include <new>

namespace veil {

struct FreeDeleter {
  void operator()(void* p) const { std::free(p); }
};

template <typename T>
using CBuffer = std::unique_ptr<T, FreeDeleter>;

// What malloc, calloc or realloc returned, as T*; std::bad_alloc for null.
template <typename T>
T* c_allocated(void* p) {
  if (p == nullptr) {
    throw std::bad_alloc();
  }
  return static_cast<T*>(p);
}

} // namespace veil
