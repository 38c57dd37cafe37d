#include "source/peek_source.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

namespace veil {

PeekSource::PeekSource(std::unique_ptr<ByteSource> inner)
    : m_inner(std::move(inner)) {}

std::string_view PeekSource::head() const {
  return std::string_view(m_head).substr(m_pos);
}

bool PeekSource::fetch(size_t max) {
  if (m_eof || max == 0) {
    return !m_eof;
  }
  const size_t old = m_head.size();
  m_head.resize(old + max);
  size_t got = 0;
  try {
    got = m_inner->read(m_head.data() + old, max);
  } catch (...) {
    // A read error while peeking (a .gz cut short) must not lose the bytes
    // decoded before it: they are handed out first, then the error.
    m_error = std::current_exception();
  }
  m_head.resize(old + got);
  m_eof = got == 0;
  return !m_eof;
}

void PeekSource::fill(size_t n) {
  while (head().size() < n && fetch(n - head().size())) {
  }
}

size_t PeekSource::read(char* buf, size_t cap) {
  const size_t left = m_head.size() - m_pos;
  if (left == 0) {
    if (m_error) {
      std::rethrow_exception(std::exchange(m_error, nullptr));
    }
    return m_eof ? 0 : m_inner->read(buf, cap);
  }
  // A short read is allowed: the caller asks again for the rest.
  const size_t n = std::min(left, cap);
  std::memcpy(buf, m_head.data() + m_pos, n);
  m_pos += n;
  if (m_pos == m_head.size()) {
    m_head = std::string(); // the peek buffer is not needed any more
    m_pos = 0;
  }
  return n;
}

} // namespace veil
