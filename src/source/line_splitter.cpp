// The buffer holds one block of input. Lines are found with memchr and handed
// out as views into it; only the partial line at the end of a block is moved
// to the front before the next read. The buffer grows only while a single
// line needs it, and never past max_line_bytes plus "\r\n": a longer line
// is skipped block by block instead.

#include "source/line_splitter.hpp"

#include <algorithm>
#include <cstdlib>
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

LinePieces LinePieces::standard() {
  size_t piece = size_t{1} << 20;
  if (const char* env = std::getenv("VEIL_LINE_PIECES"); env && *env) {
    piece = std::strtoull(env, nullptr, 10);
    if (piece == 0) {
      return {};
    }
  }
  return LinePieces{8 * piece, piece, std::min(piece / 4, size_t{64} << 10)};
}

LineSplitter::LineSplitter(std::unique_ptr<ByteSource> source,
                           size_t max_line_bytes, LinePieces pieces)
    : m_source(std::move(source)), m_max_line(max_line_bytes),
      m_buf_limit(std::max(k_block, max_line_bytes > k_no_limit - 2
                                        ? k_no_limit
                                        : max_line_bytes + 2)),
      m_buf(c_allocated<char>(std::malloc(k_block))), m_size(k_block),
      // Under a limit below the size lines are cut at, longer lines stay
      // too long.
      m_pieces(max_line_bytes >= pieces.over ? pieces : LinePieces{}) {}

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
  out.piece.reset();
  if (m_in_pieces) {
    next_piece(out);
    return true;
  }
  for (;;) {
    if (std::optional<LineEnd> end = find_line_end()) {
      if (m_pieces.cuts(end->content - m_begin)) {
        start_pieces(out); // read whole, but as long as any cut line
        return true;
      }
      emit(out, std::string_view(m_buf.get() + m_begin, end->content - m_begin),
           end->term);
      m_begin = m_scan = end->content + end->term.size();
      return true;
    }
    m_scan = m_end;
    // One byte of slack: a trailing '\r' may turn out to be part of "\r\n".
    const size_t pending = m_end - m_begin;
    if (m_pieces.cuts(pending)) {
      start_pieces(out);
      return true;
    }
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

std::optional<LineSplitter::LineEnd> LineSplitter::find_line_end() const {
  const void* nl = m_scan < m_end
                       ? std::memchr(m_buf.get() + m_scan, '\n', m_end - m_scan)
                       : nullptr;
  if (nl == nullptr) {
    return std::nullopt;
  }
  const size_t pos = static_cast<const char*>(nl) - m_buf.get();
  const bool crlf = pos > m_begin && m_buf.get()[pos - 1] == '\r';
  return LineEnd{crlf ? pos - 1 : pos, crlf ? k_crlf : k_lf};
}

size_t LineSplitter::char_start(size_t p) const {
  for (int k = 0; k < 3 && p > m_begin &&
                  (static_cast<unsigned char>(m_buf.get()[p]) & 0xC0) == 0x80;
       ++k) {
    --p;
  }
  return p;
}

void LineSplitter::start_pieces(RawLine& out) {
  m_in_pieces = m_first_piece = true;
  m_keep = 0;
  m_line_pos = 0;
  ++m_number;
  next_piece(out);
}

// A piece is cut once its bytes and the context after them are read; the
// last one when the newline (or the end of input) is that close.
void LineSplitter::next_piece(RawLine& out) {
  const size_t reach = m_pieces.piece + m_pieces.context;
  for (;;) {
    const size_t keep = m_begin + m_keep;
    const std::optional<LineEnd> line_end = find_line_end();
    // The line's bytes read so far.
    const size_t end = line_end ? line_end->content : m_end;
    if ((line_end || m_eof) && end - keep <= reach) {
      const std::string_view term = line_end ? line_end->term : k_none;
      emit_piece(out, end, end, term, true);
      m_in_pieces = false;
      m_begin = m_scan = end + term.size();
      return;
    }
    if (end - keep >= reach) {
      const size_t cut = char_start(keep + m_pieces.piece);
      emit_piece(out, cut, char_start(cut + m_pieces.context), k_none, false);
      // The next window starts a context's length before its own bytes.
      const size_t next_begin = char_start(cut - m_pieces.context);
      m_line_pos += next_begin - m_begin;
      m_keep = cut - next_begin;
      m_begin = next_begin;
      if (!line_end) {
        m_scan = m_end;
      }
      return;
    }
    m_scan = m_end;
    read_more();
  }
}

void LineSplitter::emit_piece(RawLine& out, size_t keep_end, size_t window_end,
                              std::string_view term, bool last) {
  out.number = m_number;
  out.bom = m_first_piece && m_number == 1 && m_has_bom ? k_bom : k_none;
  out.content = std::string_view(m_buf.get() + m_begin, window_end - m_begin);
  out.terminator = term;
  out.too_long = false;
  out.piece =
      LinePiece{m_line_pos, static_cast<uint32_t>(m_keep),
                static_cast<uint32_t>(keep_end - m_begin), m_first_piece, last};
  m_first_piece = false;
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
