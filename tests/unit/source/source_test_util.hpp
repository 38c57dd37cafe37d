// Helpers shared by the source tests: in-memory ByteSources that return data
// in small, uneven pieces (to hit every buffer boundary), a temporary
// directory that removes itself, and gzip/zstd encoders built on the
// libraries' own APIs.
#pragma once

#include "source/byte_source.hpp"

#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <vector>

namespace veil::test {

// Returns data in reads of chunks[0], chunks[1], ... bytes, cycling; an
// empty chunk list means "as much as the caller asks for".
class ChunkedSource final : public ByteSource {
public:
  explicit ChunkedSource(std::string data, std::vector<size_t> chunks = {})
      : m_data(std::move(data)), m_chunks(std::move(chunks)) {}

  size_t read(char* buf, size_t cap) override {
    size_t n = std::min(cap, m_data.size() - m_pos);
    if (!m_chunks.empty()) {
      n = std::min(n, m_chunks[m_reads % m_chunks.size()]);
    }
    ++m_reads;
    std::memcpy(buf, m_data.data() + m_pos, n);
    m_pos += n;
    return n;
  }

private:
  std::string m_data;
  std::vector<size_t> m_chunks;
  size_t m_pos = 0;
  size_t m_reads = 0;
};

inline std::string read_all(ByteSource& source, size_t block = 64 * 1024) {
  std::string out;
  std::string buf(block, '\0');
  while (size_t got = source.read(buf.data(), buf.size())) {
    out.append(buf.data(), got);
  }
  return out;
}

// A fresh directory under the system temp dir, removed with its contents.
class TempDir {
public:
  TempDir() {
    static std::atomic<int> counter{0};
    m_path = std::filesystem::temp_directory_path() /
             ("veil-source-test-" + std::to_string(::getpid()) + "-" +
              std::to_string(counter++));
    std::filesystem::remove_all(m_path);
    std::filesystem::create_directories(m_path);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return m_path; }

  // Writes bytes to a file relative to the directory; returns its path.
  std::string write(const std::string& rel, const std::string& bytes) const {
    const std::filesystem::path file = m_path / rel;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return file.string();
  }

private:
  std::filesystem::path m_path;
};

// gzip member of data; calling it n times and concatenating gives the
// multi-member files that `cat a.gz b.gz` produces.
inline std::string gzip(const std::string& data) {
  z_stream zs{};
  if (deflateInit2(&zs, Z_BEST_SPEED, Z_DEFLATED, 16 + MAX_WBITS, 8,
                   Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("deflateInit2");
  }
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) {
    throw std::runtime_error("deflate");
  }
  return out;
}

inline std::string zstd(const std::string& data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  const size_t n =
      ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3);
  if (ZSTD_isError(n)) {
    throw std::runtime_error("ZSTD_compress");
  }
  out.resize(n);
  return out;
}

// gzip of `size` zero bytes, compressed in 1 MiB steps so the test itself
// never holds the expanded data.
inline std::string gzip_zeros(size_t size) {
  z_stream zs{};
  deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 9,
               Z_DEFAULT_STRATEGY);
  const std::string zeros(1024 * 1024, '\0');
  std::string out;
  char buf[64 * 1024];
  for (size_t left = size;;) {
    const size_t n = std::min(left, zeros.size());
    left -= n;
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zeros.data()));
    zs.avail_in = static_cast<uInt>(n);
    const int flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
    int rc = Z_OK;
    do {
      zs.next_out = reinterpret_cast<Bytef*>(buf);
      zs.avail_out = sizeof buf;
      rc = deflate(&zs, flush);
      out.append(buf, sizeof buf - zs.avail_out);
    } while (zs.avail_out == 0);
    if (left == 0 && rc == Z_STREAM_END) {
      break;
    }
  }
  deflateEnd(&zs);
  return out;
}

inline std::string zstd_zeros(size_t size) {
  ZSTD_CCtx* cctx = ZSTD_createCCtx();
  const std::string zeros(1024 * 1024, '\0');
  std::string out;
  char buf[64 * 1024];
  for (size_t left = size;;) {
    const size_t n = std::min(left, zeros.size());
    left -= n;
    ZSTD_inBuffer in{zeros.data(), n, 0};
    const ZSTD_EndDirective mode = left == 0 ? ZSTD_e_end : ZSTD_e_continue;
    size_t remaining = 0;
    do {
      ZSTD_outBuffer o{buf, sizeof buf, 0};
      remaining = ZSTD_compressStream2(cctx, &o, &in, mode);
      out.append(buf, o.pos);
    } while (mode == ZSTD_e_end ? remaining != 0 : in.pos < in.size);
    if (left == 0) {
      break;
    }
  }
  ZSTD_freeCCtx(cctx);
  return out;
}

} // namespace veil::test
