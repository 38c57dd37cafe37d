// A ByteSource yields the bytes of one input: a file or stdin, decompressed
// transparently when its first bytes are gzip or zstd magic. It knows
// nothing of lines. Read errors throw InputError("NAME: what happened").
#pragma once

#include "source/input_list.hpp"

#include <cstddef>
#include <memory>

namespace veil {

class ByteSource {
public:
  virtual ~ByteSource() = default;
  // Fills up to cap bytes; returns 0 only at end of input.
  virtual size_t read(char* buf, size_t cap) = 0;
};

struct OpenedInput {
  std::unique_ptr<ByteSource> source;
  bool binary = false; // NUL byte in the first 8 KiB of decoded content
};

// Throws InputError("NAME: cannot open: reason").
OpenedInput open_input(const Input& input);

} // namespace veil
