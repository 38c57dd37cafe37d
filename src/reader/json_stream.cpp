#include "reader/json_stream.hpp"

#include "core/json_pointer.hpp"
#include "core/json_string.hpp"

namespace veil {

namespace {

// As deep as the whole-line reader goes (jsonl_reader.cpp).
constexpr size_t k_max_depth = 512;
// A "role" value longer than this names no role.
constexpr size_t k_max_role = 64;

bool is_blank(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// A string byte that stands for itself.
bool is_plain(unsigned char c) {
  return c >= 0x20 && c != '"' && c != '\\';
}

// The end of the plain bytes from pos on: most of a long string.
size_t plain_end(std::string_view text, size_t pos, size_t to) {
  while (pos < to && is_plain(static_cast<unsigned char>(text[pos]))) {
    ++pos;
  }
  return pos;
}

bool is_number_byte(unsigned char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' ||
         c == 'e' || c == 'E';
}

// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool is_json_number(std::string_view s) {
  size_t i = 0;
  auto digits = [&] {
    size_t from = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      ++i;
    }
    return i - from;
  };
  if (i < s.size() && s[i] == '-') {
    ++i;
  }
  size_t first = i;
  size_t n = digits();
  if (n == 0 || (n > 1 && s[first] == '0')) {
    return false;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (digits() == 0) {
      return false;
    }
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
      ++i;
    }
    if (digits() == 0) {
      return false;
    }
  }
  return i == s.size();
}

} // namespace

std::string JsonStream::pointer() const {
  std::string out;
  for (const Level& level : m_stack) {
    if (level.object) {
      append_pointer_segment(out, level.key);
    } else {
      append_pointer_index(out, level.index);
    }
  }
  return out;
}

std::string_view JsonStream::role() const {
  for (auto it = m_stack.rbegin(); it != m_stack.rend(); ++it) {
    if (!it->role.empty()) {
      return it->role;
    }
  }
  return {};
}

JsonStream::Event JsonStream::fail() {
  m_where = Where::failed;
  return Event::error;
}

JsonStream::Event JsonStream::open_string(bool is_key, uint64_t at) {
  m_where = Where::string;
  m_string_is_key = is_key;
  m_string_begin = at;
  m_decoded = 0;
  m_escape.clear();
  m_captured.clear();
  m_capture = is_key || (!m_stack.empty() && m_stack.back().object &&
                         m_stack.back().key == "role");
  return Event::string_open;
}

JsonStream::Event JsonStream::close_string() {
  if (m_string_is_key) {
    m_stack.back().key = std::move(m_captured);
    m_captured.clear();
    m_where = Where::colon;
    return Event::string_close;
  }
  if (m_capture && m_captured.size() <= k_max_role) {
    m_stack.back().role = m_captured;
  }
  value_done();
  return Event::string_close;
}

// An escape ends: "\n" (2 bytes), "\u00e9" (6) or a surrogate pair (12).
bool JsonStream::escape_done() {
  const std::string& e = m_escape;
  if (e.size() == 2) {
    char decoded = simple_escape(e[1]);
    if (decoded == 0) {
      return false;
    }
    m_decoded += 1;
    if (m_capture) {
      m_captured += decoded;
    }
    m_escape.clear();
    return true;
  }
  uint32_t cp = hex4(e, e.size() - 4);
  if (e.size() == 6 && cp >= 0xD800 && cp < 0xDC00) {
    return true; // a high surrogate: its low half must follow
  }
  if (e.size() == 12) {
    if (cp < 0xDC00 || cp >= 0xE000) {
      return false;
    }
    cp = surrogate_pair(hex4(e, 2), cp);
  } else if (cp >= 0xDC00 && cp < 0xE000) {
    return false;
  }
  m_decoded += utf8_size(cp);
  if (m_capture) {
    append_utf8(m_captured, cp);
  }
  m_escape.clear();
  return true;
}

// A byte of an open string (not its closing quote).
bool JsonStream::string_byte(unsigned char c) {
  if (m_escape.empty()) {
    if (c == '\\') {
      m_escape += '\\';
      return true;
    }
    if (c < 0x20) {
      return false;
    }
    ++m_decoded;
    if (m_capture) {
      m_captured += static_cast<char>(c);
    }
    return true;
  }
  const size_t n = m_escape.size();
  // Positions in "\uXXXX\uXXXX": 0 and 6 a backslash, 1 and 7 'u'.
  if (n == 6 && c != '\\') {
    return false;
  }
  if (n == 7 && c != 'u') {
    return false;
  }
  if (n == 1 && c != 'u') {
    m_escape += static_cast<char>(c);
    return escape_done();
  }
  if (n != 1 && n != 6 && n != 7 && hex_value(static_cast<char>(c)) < 0) {
    return false;
  }
  m_escape += static_cast<char>(c);
  return (m_escape.size() != 6 && m_escape.size() != 12) || escape_done();
}

bool JsonStream::end_scalar() {
  if (m_where == Where::number ? !is_json_number(m_scalar)
                               : m_scalar.size() != m_literal.size()) {
    return false;
  }
  value_done();
  return true;
}

void JsonStream::value_done() {
  m_where = m_stack.empty() ? Where::end : Where::comma_or_close;
}

bool JsonStream::open_container(bool object) {
  if (m_stack.size() > k_max_depth) {
    return false;
  }
  m_stack.push_back(Level{object, {}, 0, {}});
  m_where = object ? Where::key_or_close : Where::value_or_close;
  return true;
}

bool JsonStream::close_container(bool object) {
  if (m_stack.empty() || m_stack.back().object != object) {
    return false;
  }
  m_stack.pop_back();
  value_done();
  return true;
}

// A byte outside strings, numbers and literals.
JsonStream::Event JsonStream::structure_byte(unsigned char c, uint64_t at) {
  const Where where = m_where;
  const bool value_ok = where == Where::value || where == Where::value_or_close;
  if (c == ']' &&
      (where == Where::value_or_close ||
       (where == Where::comma_or_close && !m_stack.back().object))) {
    return close_container(false) ? Event::none : fail();
  }
  if (c == '}' && (where == Where::key_or_close ||
                   (where == Where::comma_or_close && m_stack.back().object))) {
    return close_container(true) ? Event::none : fail();
  }
  if (c == '"' && (where == Where::key_or_close || where == Where::key)) {
    return open_string(true, at);
  }
  if (c == ':' && where == Where::colon) {
    m_where = Where::value;
    return Event::none;
  }
  if (c == ',' && where == Where::comma_or_close) {
    Level& level = m_stack.back();
    if (level.object) {
      m_where = Where::key;
    } else {
      ++level.index;
      m_where = Where::value;
    }
    return Event::none;
  }
  if (!value_ok) {
    return fail();
  }
  if (c == '"') {
    return open_string(false, at);
  }
  if (c == '{' || c == '[') {
    return open_container(c == '{') ? Event::none : fail();
  }
  m_scalar.assign(1, static_cast<char>(c));
  if (c == '-' || (c >= '0' && c <= '9')) {
    m_where = Where::number;
    return Event::none;
  }
  m_literal = c == 't' ? "true" : c == 'f' ? "false" : c == 'n' ? "null" : "";
  if (m_literal.empty()) {
    return fail();
  }
  m_where = Where::literal;
  return Event::none;
}

JsonStream::Event JsonStream::step(std::string_view text, size_t& pos,
                                   size_t to, uint64_t base) {
  while (pos < to) {
    const auto c = static_cast<unsigned char>(text[pos]);
    switch (m_where) {
    case Where::failed:
      return Event::error;
    case Where::string:
      if (m_escape.empty() && !m_capture && is_plain(c)) {
        const size_t run = plain_end(text, pos, to);
        m_decoded += run - pos;
        pos = run;
        continue;
      }
      if (c == '"' && m_escape.empty()) {
        ++pos;
        return close_string();
      }
      if (!string_byte(c)) {
        return fail();
      }
      ++pos;
      continue;
    case Where::number:
      if (is_number_byte(c)) {
        m_scalar += static_cast<char>(c);
        ++pos;
        continue;
      }
      if (!end_scalar()) {
        return fail();
      }
      continue; // c is read again, after the number
    case Where::literal:
      if (m_scalar.size() < m_literal.size()) {
        if (c != static_cast<unsigned char>(m_literal[m_scalar.size()])) {
          return fail();
        }
        m_scalar += static_cast<char>(c);
        ++pos;
        continue;
      }
      if (!end_scalar()) {
        return fail();
      }
      continue;
    case Where::end:
      if (!is_blank(c)) {
        return fail();
      }
      ++pos;
      continue;
    default:
      break;
    }
    ++pos;
    if (is_blank(c)) {
      continue;
    }
    if (Event e = structure_byte(c, base + pos - 1); e != Event::none) {
      return e;
    }
  }
  return m_where == Where::failed ? Event::error : Event::none;
}

bool JsonStream::finish() {
  if ((m_where == Where::number || m_where == Where::literal) &&
      !end_scalar()) {
    m_where = Where::failed;
  }
  return done();
}

bool JsonStream::walk(std::string_view text, size_t from, size_t to,
                      uint64_t base) {
  size_t pos = from;
  while (pos < to) {
    if (step(text, pos, to, base) == Event::error) {
      return false;
    }
  }
  return !failed();
}

} // namespace veil
