// Walks one JSON document fed in consecutive parts, holding only its open
// containers' keys: a JSON line too long to hold whole is read in pieces
// (LinePiece), and each piece's strings are found by a copy of the walk as
// it stood where the piece's own bytes begin. It validates as it goes
// (structure, literals, numbers, escapes and surrogates, control bytes,
// nesting depth), as the whole-line parser does, except for UTF-8, which
// the pieces check apart.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace veil {

class JsonStream {
public:
  enum class Event { none, string_open, string_close, error };

  // Walks text[pos, to) until a string token opens (pos is then just past
  // its quote) or closes (just past its closing quote), or an error, or
  // `to`. `base` is text[0]'s offset in the document.
  Event step(std::string_view text, size_t& pos, size_t to, uint64_t base);
  // Walks text[from, to) through, events and all; false on an error.
  bool walk(std::string_view text, size_t from, size_t to, uint64_t base);

  // At the document's end: ends a number or literal there; whether the
  // document was complete and valid.
  bool finish();
  bool failed() const { return m_where == Where::failed; }
  // The root value is complete: only blanks may follow.
  bool done() const { return m_where == Where::end; }
  bool in_string() const { return m_where == Where::string; }
  bool in_key() const { return in_string() && m_string_is_key; }
  // The open string's opening quote (document offset) and the decoded
  // bytes of its characters walked so far; the bytes of an escape that has
  // begun and not ended are counted in escape_bytes(), not in decoded().
  uint64_t string_begin() const { return m_string_begin; }
  uint64_t decoded() const { return m_decoded; }
  size_t escape_bytes() const { return m_escape.size(); }
  // The JSON Pointer of the value being walked (of a key: its member's,
  // once the key has closed).
  std::string pointer() const;
  // The innermost "role" string walked so far in the open objects, or "".
  std::string_view role() const;

private:
  enum class Where : uint8_t {
    value,          // a value must come
    value_or_close, // just after '['
    key_or_close,   // just after '{'
    key,            // just after ',' in an object
    colon,
    comma_or_close,
    string,
    number,
    literal,
    end, // after the root value
    failed,
  };
  struct Level {
    bool object = false;
    std::string key;  // object: the current member's key, decoded
    size_t index = 0; // array: the current element's index
    std::string role; // object: its "role" value walked so far
  };

  Event fail();
  Event open_string(bool is_key, uint64_t at);
  Event close_string();
  bool string_byte(unsigned char c);
  bool escape_done();
  bool end_scalar();
  void value_done();
  bool open_container(bool object);
  bool close_container(bool object);
  Event structure_byte(unsigned char c, uint64_t at);

  std::vector<Level> m_stack;
  Where m_where = Where::value;
  // The open string.
  bool m_string_is_key = false;
  bool m_capture = false; // its decoded text is wanted (a key, a role)
  std::string m_captured; // decoded, when captured
  std::string m_escape;   // an escape begun: "\\", "\\u00"...
  uint64_t m_string_begin = 0;
  uint64_t m_decoded = 0;
  // The open number or literal.
  std::string m_scalar;
  std::string_view m_literal; // the literal it must spell
};

} // namespace veil
