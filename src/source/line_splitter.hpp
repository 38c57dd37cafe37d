// Splits a ByteSource into lines with exact terminators, so that writing
// bom + content + terminator for every line reproduces the input byte for
// byte. Lines longer than max_line_bytes are skipped (not buffered) and
// flagged too_long. With LinePieces on, a line longer than `over` comes in
// pieces instead (see LinePiece), so memory stays flat however long it is.
#pragma once

#include "core/c_alloc.hpp"
#include "core/line_piece.hpp"
#include "source/byte_source.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace veil {

struct LinePieces {
  size_t over = 0;    // lines longer than this come in pieces (0: never)
  size_t piece = 0;   // the bytes each piece stands for
  size_t context = 0; // bytes of the line either side of them

  bool cuts(size_t line_bytes) const { return over > 0 && line_bytes > over; }

  // Pieces of 1 MiB with 64 KiB of context for lines over 8 MiB, or of
  // VEIL_LINE_PIECES bytes (a test and benchmark knob: lines over 8 times
  // that, a quarter of it as context up to 64 KiB; 0 turns pieces off).
  static LinePieces standard();
};

struct RawLine {
  uint64_t number = 0;         // 1-based
  std::string_view bom;        // UTF-8 BOM at the start of line 1, else ""
  std::string_view content;    // without BOM and terminator
  std::string_view terminator; // "\n", "\r\n" or "" (last line, no newline)
  bool too_long = false;       // content over the limit: content is empty
  // Set on a piece of a long line: content is the piece's window, and only
  // the first piece has a BOM, only the last a terminator.
  std::optional<LinePiece> piece;
};

class LineSplitter {
public:
  LineSplitter(std::unique_ptr<ByteSource> source, size_t max_line_bytes,
               LinePieces pieces = {});
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
  // Where the pending line ends, if a newline has been read: its content
  // (from m_begin) ends at content, then comes term.
  struct LineEnd {
    size_t content;
    std::string_view term;
  };
  std::optional<LineEnd> find_line_end() const;
  // Starts cutting the line at m_begin, and fills out with its first piece.
  void start_pieces(RawLine& out);
  // Fills out with the next piece of the line being cut.
  void next_piece(RawLine& out);
  void emit_piece(RawLine& out, size_t keep_end, size_t window_end,
                  std::string_view term, bool last);
  // Moves p back to the start of the UTF-8 character it falls in.
  size_t char_start(size_t p) const;

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
  LinePieces m_pieces;
  bool m_in_pieces = false; // a line is being cut: m_begin is its window
  bool m_first_piece = false;
  size_t m_keep = 0; // the next piece's own bytes start m_keep after m_begin
  uint64_t m_line_pos = 0; // m_begin's offset in the line
  bool m_eof = false;
  bool m_bom_checked = false;
  bool m_has_bom = false;
};

} // namespace veil
