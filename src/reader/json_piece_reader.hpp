// The JSON side of a line too long to hold whole (LinePiece). In the
// reading thread, JsonPieceWalk follows the line piece by piece and gives
// each piece the walk as it stood at the piece's own first byte; in a
// worker, read_json_piece() reads the piece's fields from there: every
// string that starts in its own bytes, and the one open where they begin,
// each as far as the piece's window holds it.
#pragma once

#include "core/record.hpp"
#include "reader/json_stream.hpp"
#include "reader/reader_options.hpp"

#include <memory>
#include <string_view>

namespace veil {

class JsonPieceWalk {
public:
  explicit JsonPieceWalk(InputMode mode) : m_mode(mode) {}
  // For each piece of a line, in order (whether the line is JSON is asked
  // of its first piece, under --input mode). nullptr for a text line.
  std::shared_ptr<const JsonStream> next(const LinePiece& piece,
                                         std::string_view window);

private:
  InputMode m_mode;
  bool m_json = false;
  JsonStream m_walk;
};

// Fills record.fields from its piece's window. False when the piece's own
// bytes are not valid JSON, or the line ends and the document has not: the
// caller reads the piece as text.
bool read_json_piece(const JsonStream& at_keep, const ReaderOptions& options,
                     Record& record);

} // namespace veil
