// zstd decoding with the streaming API. Output goes straight into the
// caller's buffer; the decoder's own memory is bounded by the frame window,
// capped at 2^27 bytes (128 MiB), so a hostile frame header cannot ask for
// more. Concatenated and skippable
// frames are handled by ZSTD_decompressStream itself.

#include "core/errors.hpp"
#include "source/decompress.hpp"

#include <zstd.h>
#include <zstd_errors.h>

#include <memory>

namespace veil {
namespace {

constexpr size_t k_in_size = 256 * 1024;
// libzstd's default limit, set explicitly so the bound does not depend on the
// library version. zstd --long=31 archives are refused rather than decoded.
constexpr int k_window_log_max = 27;

struct DctxFree {
  void operator()(ZSTD_DCtx* dctx) const { ZSTD_freeDCtx(dctx); }
};

class ZstdSource final : public ByteSource {
public:
  ZstdSource(std::unique_ptr<ByteSource> raw, const std::string& name)
      : m_raw(std::move(raw)), m_name(name), m_dctx(ZSTD_createDCtx()),
        m_in(std::make_unique_for_overwrite<char[]>(k_in_size)) {
    if (!m_dctx) {
      throw InputError(m_name + ": zstd: cannot initialize decoder");
    }
    ZSTD_DCtx_setParameter(m_dctx.get(), ZSTD_d_windowLogMax, k_window_log_max);
  }

  size_t read(char* buf, size_t cap) override;

private:
  [[noreturn]] void corrupt(size_t rc) const {
    if (ZSTD_getErrorCode(rc) == ZSTD_error_frameParameter_windowTooLarge) {
      throw InputError(m_name + ": zstd: window larger than 128 MiB");
    }
    throw InputError(m_name + ": zstd: truncated or corrupt input");
  }
  // Refills the input buffer when it is empty; false at end of raw input.
  bool have_input();

  std::unique_ptr<ByteSource> m_raw;
  std::string m_name;
  std::unique_ptr<ZSTD_DCtx, DctxFree> m_dctx;
  std::unique_ptr<char[]> m_in;
  ZSTD_inBuffer m_zin{nullptr, 0, 0};
  // ZSTD_decompressStream's last result: 0 once a frame is complete and
  // flushed. Starts non-zero: the magic promised at least one frame.
  size_t m_last = 1;
  bool m_raw_eof = false;
};

bool ZstdSource::have_input() {
  if (m_zin.pos < m_zin.size) {
    return true;
  }
  if (m_raw_eof) {
    return false;
  }
  const size_t got = m_raw->read(m_in.get(), k_in_size);
  m_zin = ZSTD_inBuffer{m_in.get(), got, 0};
  m_raw_eof = got == 0;
  return got > 0;
}

size_t ZstdSource::read(char* buf, size_t cap) {
  ZSTD_outBuffer out{buf, cap, 0};
  while (out.pos == 0 && cap > 0) {
    const bool had_input = have_input();
    if (!had_input && m_last == 0) {
      break; // clean end: the last frame finished with the input
    }
    // Without new input the decoder may still flush output it holds back,
    // so it gets one call before the input is called truncated.
    m_last = ZSTD_decompressStream(m_dctx.get(), &out, &m_zin);
    if (ZSTD_isError(m_last)) {
      corrupt(m_last);
    }
    if (!had_input && out.pos == 0 && m_last != 0) {
      corrupt(0); // input ended inside a frame
    }
  }
  return out.pos;
}

} // namespace

std::unique_ptr<ByteSource> make_zstd_source(std::unique_ptr<ByteSource> raw,
                                             const std::string& name) {
  return std::make_unique<ZstdSource>(std::move(raw), name);
}

} // namespace veil
