// A ByteSource that can look at its first bytes before anyone reads them:
// open_input() uses it to spot compression magic and NUL bytes. Whatever was
// peeked is handed out again by read(), then reads go straight through.
#pragma once

#include "source/byte_source.hpp"

#include <exception>
#include <string>
#include <string_view>

namespace veil {

class PeekSource final : public ByteSource {
public:
  explicit PeekSource(std::unique_ptr<ByteSource> inner);

  // Bytes fetched but not yet returned by read().
  std::string_view head() const;
  // One read of the inner source, appending up to max bytes to the head.
  // False at end of input. Only before the first read().
  bool fetch(size_t max);
  // Fetches until the head holds n bytes or the input ends.
  void fill(size_t n);

  size_t read(char* buf, size_t cap) override;

private:
  std::unique_ptr<ByteSource> m_inner;
  std::string m_head;
  size_t m_pos = 0;           // bytes of m_head already returned by read()
  bool m_eof = false;         // also set when a peek read failed
  std::exception_ptr m_error; // that failure, thrown after the head
};

} // namespace veil
