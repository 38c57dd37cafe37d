#include "reader/json_piece_reader.hpp"

#include "core/json_string.hpp"
#include "reader/chat_shapes.hpp"
#include "reader/record_reader.hpp"

#include <algorithm>
#include <optional>

namespace veil {

namespace {

// An escape is at most 6 bytes ("\u00e9"; a surrogate pair is two).
constexpr size_t k_escape_bytes = 6;

// Where to start decoding a string whose opening quote lies before the
// window: the first character with no backslash in the 6 bytes before it,
// which no escape can reach into, else `to`, where the walk says one ends.
size_t safe_start(std::string_view window, size_t to) {
  size_t clean = 0; // bytes without a backslash just before i
  for (size_t i = 0; i < to; ++i) {
    const auto c = static_cast<unsigned char>(window[i]);
    if (clean >= k_escape_bytes && (c & 0xC0) != 0x80) {
      return i;
    }
    clean = c == '\\' ? 0 : clean + 1;
  }
  return to;
}

// Where the last whole character before pos ends, in an open string.
size_t char_end(const JsonStream& walk, size_t pos) {
  return pos - std::min(pos, walk.escape_bytes());
}

struct OpenString {
  size_t begin = 0; // in the window: its quote, or where decoding starts
  bool quoted = true;
  uint64_t decoded_from = 0;
  bool is_key = false;
};

class PieceFields {
public:
  PieceFields(const ReaderOptions& options, Record& record)
      : m_options(options), m_record(record) {}

  void add(const OpenString& open, const JsonStream& walk, size_t end,
           bool closed);

private:
  const ReaderOptions& m_options;
  Record& m_record;
  std::string m_text;
};

void PieceFields::add(const OpenString& open, const JsonStream& walk,
                      size_t end, bool closed) {
  if (open.is_key && !closed) {
    return; // a key longer than the context: no pointer to give it
  }
  const std::string pointer = walk.pointer();
  const bool scanned = open.is_key
                           ? m_options.scan_keys && m_options.selected(pointer)
                           : m_options.selected(pointer);
  const bool is_id =
      !open.is_key && closed && open.quoted && pointer == m_options.id_field;
  if (!scanned && !is_id) {
    return;
  }
  std::string_view window = m_record.content;
  const size_t body = open.begin + (open.quoted ? 1 : 0);
  const size_t stop = closed ? end - 1 : end; // a cut part may hold nothing
  const std::string_view raw =
      stop > body ? window.substr(body, stop - body) : std::string_view();
  std::string_view text = raw;
  if (raw.find('\\') != std::string_view::npos) {
    m_text.clear();
    append_unescaped_json(m_text, raw);
    text = scanned ? m_record.fields.keep(m_text, window.size())
                   : std::string_view(m_text);
  }
  if (is_id) {
    m_record.record_id.assign(text);
  }
  if (!scanned) {
    return;
  }
  Field& field = m_record.fields.add(pointer, window.size());
  field.raw_begin = static_cast<uint32_t>(open.begin);
  field.raw_end = static_cast<uint32_t>(std::max(end, open.begin));
  field.text = text;
  field.is_json = true;
  field.is_key = open.is_key;
  field.cut_start = !open.quoted;
  field.decoded_from = open.decoded_from;
  assign_role(field, walk.role());
}

// The string open where the piece's own bytes begin: from its quote when
// the window holds it, else from a character the window holds whole. When
// an escape begun before the window cuts the piece's start (only a context
// shorter than an escape allows that), from the first character after it.
OpenString open_at_keep(JsonStream& walk, const LinePiece& piece,
                        std::string_view window, size_t& pos) {
  OpenString open;
  open.is_key = walk.in_key();
  open.quoted = walk.string_begin() >= piece.offset;
  if (open.quoted) {
    open.begin = size_t(walk.string_begin() - piece.offset);
    return open;
  }
  while (walk.escape_bytes() > pos && pos < window.size() && !walk.failed()) {
    walk.step(window, pos, pos + 1, piece.offset);
  }
  // The decoded bytes from the start on, up to the escape pos may cut.
  const size_t to = char_end(walk, pos);
  open.begin = safe_start(window, to);
  std::string skipped;
  append_unescaped_json(skipped, window.substr(open.begin, to - open.begin));
  open.decoded_from = walk.decoded() - skipped.size();
  return open;
}

} // namespace

std::shared_ptr<const JsonStream> JsonPieceWalk::next(const LinePiece& piece,
                                                      std::string_view window) {
  if (piece.first) {
    m_json = reads_as_json(m_mode, window);
    m_walk = JsonStream();
  }
  if (!m_json) {
    return nullptr;
  }
  auto at_keep = std::make_shared<const JsonStream>(m_walk);
  m_walk.walk(window, piece.keep_begin, piece.keep_end, piece.offset);
  return at_keep;
}

bool read_json_piece(const JsonStream& at_keep, const ReaderOptions& options,
                     Record& record) {
  const LinePiece& piece = *record.piece;
  const std::string_view window = record.content;
  JsonStream walk = at_keep;
  PieceFields fields(options, record);
  std::optional<OpenString> open;
  size_t pos = piece.keep_begin;
  if (walk.in_string()) {
    open = open_at_keep(walk, piece, window, pos);
    if (walk.failed()) {
      return false;
    }
  }
  for (;;) {
    JsonStream::Event e = walk.step(window, pos, piece.keep_end, piece.offset);
    if (e == JsonStream::Event::error) {
      return false;
    }
    if (e == JsonStream::Event::none) {
      break;
    }
    if (e == JsonStream::Event::string_open) {
      open = OpenString{pos - 1, true, 0, walk.in_key()};
    } else {
      fields.add(*open, walk, pos, true);
      open.reset();
    }
  }
  if (piece.last) {
    return walk.finish();
  }
  if (open) { // as far as the window holds it, to the last whole character
    bool closed = walk.step(window, pos, window.size(), piece.offset) ==
                  JsonStream::Event::string_close;
    fields.add(*open, walk, closed ? pos : char_end(walk, pos), closed);
  }
  return true;
}

} // namespace veil
