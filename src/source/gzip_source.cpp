// gzip decoding with zlib. inflate() writes straight into the caller's
// buffer and keeps only its 32 KiB window, so output size never drives memory.
// A .gz file may hold several members back to back (`cat a.gz b.gz`, as
// gzip(1) accepts); each one is decoded in turn.

#include "core/errors.hpp"
#include "source/decompress.hpp"

#include <zlib.h>

#include <algorithm>
#include <limits>
#include <memory>

namespace veil {
namespace {

constexpr size_t k_in_size = 256 * 1024;
// 16 + MAX_WBITS: expect a gzip header and trailer, not raw zlib.
constexpr int k_gzip_window_bits = 16 + MAX_WBITS;

class GzipSource final : public ByteSource {
public:
  GzipSource(std::unique_ptr<ByteSource> raw, const std::string& name)
      : m_raw(std::move(raw)), m_name(name),
        m_in(std::make_unique_for_overwrite<char[]>(k_in_size)) {
    if (inflateInit2(&m_zs, k_gzip_window_bits) != Z_OK) {
      throw InputError(m_name + ": gzip: cannot initialize decoder");
    }
  }
  ~GzipSource() override { inflateEnd(&m_zs); }
  // Owns zlib state that points into itself.
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;

  size_t read(char* buf, size_t cap) override;

private:
  [[noreturn]] void corrupt() const {
    throw InputError(m_name + ": gzip: truncated or corrupt input");
  }
  // Refills the input buffer when it is empty; false at end of raw input.
  bool have_input();

  std::unique_ptr<ByteSource> m_raw;
  std::string m_name;
  std::unique_ptr<char[]> m_in;
  z_stream m_zs{};
  bool m_raw_eof = false;
  bool m_done = false;
};

bool GzipSource::have_input() {
  if (m_zs.avail_in > 0) {
    return true;
  }
  if (m_raw_eof) {
    return false;
  }
  const size_t got = m_raw->read(m_in.get(), k_in_size);
  m_zs.next_in = reinterpret_cast<Bytef*>(m_in.get());
  m_zs.avail_in = static_cast<uInt>(got);
  m_raw_eof = got == 0;
  return got > 0;
}

size_t GzipSource::read(char* buf, size_t cap) {
  if (m_done || cap == 0) {
    return 0;
  }
  const uInt want = static_cast<uInt>(
      std::min<size_t>(cap, std::numeric_limits<uInt>::max()));
  m_zs.next_out = reinterpret_cast<Bytef*>(buf);
  m_zs.avail_out = want;
  while (m_zs.avail_out == want) {
    // Without new input inflate() may still flush output it holds back, so
    // call it once more before calling the input truncated.
    const bool had_input = have_input();
    const int rc = inflate(&m_zs, Z_NO_FLUSH);
    if (rc == Z_STREAM_END) {
      // End of one member: more bytes must be another member, or garbage
      // that inflate() will reject.
      if (!have_input()) {
        m_done = true;
        break;
      }
      if (inflateReset(&m_zs) != Z_OK) {
        corrupt();
      }
      continue;
    }
    if (rc == Z_BUF_ERROR && had_input) {
      continue; // no progress possible without more input
    }
    if (rc != Z_OK && rc != Z_BUF_ERROR) {
      corrupt(); // Z_DATA_ERROR, Z_NEED_DICT, Z_MEM_ERROR...
    }
    if (!had_input && m_zs.avail_out == want) {
      corrupt(); // input ended inside a member
    }
  }
  return want - m_zs.avail_out;
}

} // namespace

std::unique_ptr<ByteSource> make_gzip_source(std::unique_ptr<ByteSource> raw,
                                             const std::string& name) {
  return std::make_unique<GzipSource>(std::move(raw), name);
}

} // namespace veil
