#include "sinks/piece_writer.hpp"

#include "sinks/json_escape.hpp"

#include <algorithm>

namespace veil {

void PieceWriter::start(const LinePiece& piece, std::string_view window,
                        std::string_view bom) {
  m_window = window;
  m_begin = piece.offset;
  m_keep_end = piece.offset + piece.keep_end;
  const uint64_t own = piece.offset + piece.keep_begin;
  m_at = piece.first ? own : std::max(m_at, own);
  m_out.assign(bom);
}

void PieceWriter::copy_to(uint64_t end) {
  m_out.append(m_window.substr(m_at - m_begin, end - m_at));
}

void PieceWriter::replace(uint64_t start, uint64_t end, std::string_view text,
                          bool json) {
  if (end <= m_at) {
    return;
  }
  if (start >= m_at) {
    copy_to(start);
    if (json) {
      append_json_chars(m_out, text);
    } else {
      m_out += text;
    }
  }
  m_at = end;
}

const std::string& PieceWriter::finish(std::string_view terminator) {
  if (m_at < m_keep_end) {
    copy_to(m_keep_end);
    m_at = m_keep_end;
  }
  m_out.append(terminator);
  return m_out;
}

} // namespace veil
