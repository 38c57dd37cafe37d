// Writes a piece of a line read in pieces (LinePiece): the piece's own
// bytes, with some spans replaced (escaped inside a JSON string). A span
// that runs past the piece's own bytes is replaced whole, and the line's
// next piece starts after it: the first byte not written yet is carried
// from piece to piece.
#pragma once

#include "core/line_piece.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace veil {

class PieceWriter {
public:
  // Starts a piece: window is its bytes (Record::content).
  void start(const LinePiece& piece, std::string_view window,
             std::string_view bom);
  // The first byte of the line not written yet.
  uint64_t written_to() const { return m_at; }
  // Writes the line's bytes [start, end) as text, in order of start; the
  // bytes before start are copied. A span that starts in bytes already
  // written is left out, and so are the rest of its bytes.
  void replace(uint64_t start, uint64_t end, std::string_view text, bool json);
  // Copies the rest of the piece's own bytes and appends the terminator:
  // the piece's output.
  const std::string& finish(std::string_view terminator);

private:
  void copy_to(uint64_t end);

  std::string_view m_window;
  uint64_t m_begin = 0;    // the window's offset in the line
  uint64_t m_keep_end = 0; // the end of the piece's own bytes, in the line
  uint64_t m_at = 0;
  std::string m_out;
};

} // namespace veil
