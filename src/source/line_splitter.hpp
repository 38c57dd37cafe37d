// Splits a ByteSource into lines with exact terminators, so that writing
// bom + content + terminator for every line reproduces the input byte for
// byte. Lines longer than max_line_bytes are skipped (not buffered) and
// flagged too_long.
#pragma once

#include "core/c_alloc.hpp"
#include "source/byte_source.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace veil {

struct RawLine {
  uint64_t number = 0;         // 1-based
  std::string_view bom;        // UTF-8 BOM at the start of line 1, else ""
  std::string_view content;    // without BOM and terminator
  std::string_view terminator; // "\n", "\r\n" or "" (last line, no newline)
  bool too_long = false;       // content over the limit: content is empty
};

class LineSplitter {
public:
  LineSplitter(std::unique_ptr<ByteSource> source, size_t max_line_bytes);
  // False at end of input. content stays valid until the next call; bom and
  // terminator point at static strings and stay valid for good.
  bool next(RawLine& out);

private:
  // Moves unread bytes to the front, grows the buffer if it is full, and
  // reads once. False at end of input.
  bool read_more();
  // Called with a partial line over the limit in the buffer: drops bytes up
  // to its newline without keeping them, and fills out as a too_long line.
  void skip_long_line(RawLine& out);
  void emit(RawLine& out, std::string_view content, std::string_view term);
  void check_bom();

  std::unique_ptr<ByteSource> m_source;
  size_t m_max_line;
  size_t m_buf_limit; // the buffer never grows past this
  // Reused for every line: views handed out point into it.
  // malloc'd: realloc() grows a large buffer in place (mremap), so a long
  // line does not need the old and the new buffer at once.
  CBuffer<char> m_buf;
  size_t m_size = 0;  // allocated bytes of m_buf
  size_t m_begin = 0; // first byte of the next line
  size_t m_scan = 0;  // bytes before this hold no newline (no rescans)
  size_t m_end = 0;   // end of the bytes read so far
  uint64_t m_number = 0;
  bool m_eof = false;
  bool m_bom_checked = false;
  bool m_has_bom = false;
};

} // namespace veil
