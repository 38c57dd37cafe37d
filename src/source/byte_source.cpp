// open_input() builds the stack for one input:
//   FileSource → PeekSource (magic) → [gzip|zstd decoder → PeekSource]
// The outer PeekSource holds the first decoded bytes for the binary check.

#include "source/byte_source.hpp"

#include "source/decompress.hpp"
#include "source/file_source.hpp"
#include "source/peek_source.hpp"

#include <cstring>

namespace veil {
namespace {

constexpr size_t k_binary_peek = 8 * 1024;

bool has_nul(std::string_view bytes) {
  return std::memchr(bytes.data(), '\0', bytes.size()) != nullptr;
}

} // namespace

OpenedInput open_input(const Input& input) {
  auto file = std::make_unique<FileSource>(input);
  // A regular file is filled to the full 8 KiB so the answer does not depend
  // on read sizes. A pipe is judged on its first read instead: waiting for
  // 8 KiB would hold back `tail -f | veil` until that much had arrived.
  const bool fill = file->is_regular();

  auto raw = std::make_unique<PeekSource>(std::move(file));
  raw->fetch(k_binary_peek);
  PeekSource* raw_view = raw.get();
  std::unique_ptr<ByteSource> decoded =
      decode_if_compressed(std::move(raw), input.name);

  OpenedInput opened;
  if (decoded.get() == raw_view) {
    if (fill) {
      raw_view->fill(k_binary_peek);
    }
    opened.binary = has_nul(raw_view->head().substr(0, k_binary_peek));
    opened.source = std::move(decoded);
    return opened;
  }
  auto peek = std::make_unique<PeekSource>(std::move(decoded));
  peek->fetch(k_binary_peek);
  if (fill) {
    peek->fill(k_binary_peek);
  }
  opened.binary = has_nul(peek->head());
  opened.source = std::move(peek);
  return opened;
}

} // namespace veil
