// The buffer holds one block of input. Lines are found with memchr and handed
// out as views into it; only the partial line at the end of a block is moved
// to the front before the next read. The buffer grows only while a single
// line needs it, and never past max_line_bytes plus "\r\n": a longer line
// is skipped block by block instead.

#include "source/line_splitter.hpp"

#include <algorithm>
#include <cstring>
#include <limits>

namespace veil {
namespace {

constexpr size_t k_block = 1024 * 1024;
constexpr size_t k_no_limit = std::numeric_limits<size_t>::max();

// Terminators and the BOM point at these, not into the buffer, so those
// views stay valid after the next call too.
constexpr std::string_view k_bom = "\xEF\xBB\xBF";
constexpr std::string_view k_lf = "\n";
constexpr std::string_view k_crlf = "\r\n";
constexpr std::string_view k_none = "";

} // namespace

LineSplitter::LineSplitter(std::unique_ptr<ByteSource> source,
                           size_t max_line_bytes)
    : m_source(std::move(source)), m_max_line(max_line_bytes),
      m_buf_limit(std::max(k_block, max_line_bytes > k_no_limit - 2
                                        ? k_no_limit
                                        : max_line_bytes + 2)),
      m_buf(c_allocated<char>(std::malloc(k_block))), m_size(k_block) {}

bool LineSplitter::read_more() {
  if (m_eof) {
    return false;
  }
  if (m_begin > 0) {
    const size_t pending = m_end - m_begin;
    std::memmove(m_buf.get(), m_buf.get() + m_begin, pending);
    m_scan -= m_begin;
    m_end = pending;
    m_begin = 0;
  }
  if (m_end == m_size) {
    // next() skips a line before it outgrows m_buf_limit, so there is room.
    const size_t new_size = m_size > m_buf_limit / 2 ? m_buf_limit : m_size * 2;
    char* bigger = c_allocated<char>(std::realloc(m_buf.get(), new_size));
    m_buf.release();
    m_buf.reset(bigger);
    m_size = new_size;
  }
  const size_t got = m_source->read(m_buf.get() + m_end, m_size - m_end);
  m_end += got;
  m_eof = got == 0;
  return got > 0;
}

void LineSplitter::check_bom() {
  m_bom_checked = true;
  // Wait for more bytes only while they could still complete a BOM.
  auto seen = [this] {
    return std::string_view(m_buf.get() + m_begin, m_end - m_begin);
  };
  while (seen().size() < k_bom.size() && k_bom.starts_with(seen()) &&
         read_more()) {
  }
  if (seen().starts_with(k_bom)) {
    m_has_bom = true;
    m_begin += k_bom.size();
    m_scan = m_begin;
  }
}

void LineSplitter::emit(RawLine& out, std::string_view content,
                        std::string_view term) {
  out.number = ++m_number;
  out.bom = m_number == 1 && m_has_bom ? k_bom : k_none;
  out.too_long = content.size() > m_max_line;
  out.content = out.too_long ? k_none : content;
  out.terminator = term;
}

bool LineSplitter::next(RawLine& out) {
  if (!m_bom_checked) {
    check_bom();
  }
  for (;;) {
    const void* nl =
        m_scan < m_end ? std::memchr(m_buf.get() + m_scan, '\n', m_end - m_scan)
                       : nullptr;
    if (nl != nullptr) {
      const size_t pos = static_cast<const char*>(nl) - m_buf.get();
      const bool crlf = pos > m_begin && m_buf.get()[pos - 1] == '\r';
      const size_t content_end = crlf ? pos - 1 : pos;
      emit(out, std::string_view(m_buf.get() + m_begin, content_end - m_begin),
           crlf ? k_crlf : k_lf);
      m_begin = m_scan = pos + 1;
      return true;
    }
    m_scan = m_end;
    // One byte of slack: a trailing '\r' may turn out to be part of "\r\n".
    const size_t pending = m_end - m_begin;
    if (pending > m_max_line && pending - m_max_line > 1) {
      skip_long_line(out);
      return true;
    }
    if (!read_more()) {
      // A BOM alone is still a line: the input must be reproducible.
      const bool bom_only = m_number == 0 && m_has_bom;
      if (pending == 0 && !bom_only) {
        return false;
      }
      emit(out, std::string_view(m_buf.get() + m_begin, pending), k_none);
      m_begin = m_scan = m_end;
      return true;
    }
  }
}

void LineSplitter::skip_long_line(RawLine& out) {
  // Only whether the last dropped byte was '\r' matters: it decides between
  // "\r\n" and "\n" when the newline opens the next block.
  bool cr = m_buf.get()[m_end - 1] == '\r';
  m_begin = m_scan = m_end = 0;
  for (;;) {
    const size_t got = m_source->read(m_buf.get(), m_size);
    if (got == 0) {
      m_eof = true;
      emit(out, k_none, k_none);
      break;
    }
    const void* nl = std::memchr(m_buf.get(), '\n', got);
    if (nl != nullptr) {
      const size_t pos = static_cast<const char*>(nl) - m_buf.get();
      cr = pos > 0 ? m_buf.get()[pos - 1] == '\r' : cr;
      m_begin = m_scan = pos + 1;
      m_end = got;
      emit(out, k_none, cr ? k_crlf : k_lf);
      break;
    }
    cr = m_buf.get()[got - 1] == '\r';
  }
  out.too_long = true;
}

} // namespace veil
