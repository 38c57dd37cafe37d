#include "source/decompress.hpp"

#include <array>
#include <cstdint>

namespace veil {
namespace {

struct Magic {
  std::array<uint8_t, 4> bytes; // in file order (zstd's are little-endian)
  std::array<uint8_t, 4> mask;
  size_t size;
  Compression kind;
};

// clang-format off
constexpr std::array<Magic, 3> k_magics{{
    {{0x1f, 0x8b, 0, 0},       {0xff, 0xff, 0, 0},       2, Compression::gzip},
    {{0x28, 0xb5, 0x2f, 0xfd}, {0xff, 0xff, 0xff, 0xff}, 4, Compression::zstd},
    // A zstd stream may open with a skippable frame, 0x184D2A50..5F.
    {{0x50, 0x2a, 0x4d, 0x18}, {0xf0, 0xff, 0xff, 0xff}, 4, Compression::zstd},
}};
// clang-format on

bool byte_matches(const Magic& magic, size_t i, char byte) {
  return (static_cast<uint8_t>(byte) & magic.mask[i]) == magic.bytes[i];
}

} // namespace

Compression detect_compression(std::string_view head, bool& more_needed) {
  more_needed = false;
  for (const Magic& magic : k_magics) {
    size_t i = 0;
    while (i < magic.size && i < head.size() &&
           byte_matches(magic, i, head[i])) {
      ++i;
    }
    if (i == magic.size) {
      return magic.kind;
    }
    if (i == head.size()) {
      more_needed = true;
    }
  }
  return Compression::none;
}

std::unique_ptr<ByteSource>
decode_if_compressed(std::unique_ptr<PeekSource> source,
                     const std::string& name) {
  bool more_needed = true;
  Compression kind = Compression::none;
  // Ask for more bytes only while they could still change the answer, so a
  // pipe is never kept waiting for data that plain text does not need.
  while (more_needed) {
    kind = detect_compression(source->head(), more_needed);
    if (more_needed && !source->fetch(4 - source->head().size())) {
      kind = detect_compression(source->head(), more_needed);
      break;
    }
  }
  switch (kind) {
  case Compression::gzip:
    return make_gzip_source(std::move(source), name);
  case Compression::zstd:
    return make_zstd_source(std::move(source), name);
  case Compression::none:
    break;
  }
  return source;
}

} // namespace veil
