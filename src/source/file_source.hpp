// The bottom of every ByteSource stack: a file or stdin read with read(2)
// straight into the caller's buffer (the line splitter passes 1 MiB blocks,
// so no second copy or buffer is needed here). Errors name the input:
// "NAME: cannot open: reason", "NAME: read error: reason".
#pragma once

#include "source/byte_source.hpp"

#include <string>

namespace veil {

class FileSource final : public ByteSource {
public:
  // Opens input.path, or borrows fd 0 when the path is "-".
  explicit FileSource(const Input& input);
  ~FileSource() override;
  // Owns a file descriptor: copying would close it twice.
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  size_t read(char* buf, size_t cap) override;
  // A regular file (not a pipe or tty): reading more never blocks for long.
  bool is_regular() const { return m_regular; }

private:
  void close_owned();

  std::string m_name;
  int m_fd = -1;
  bool m_owned = false;
  bool m_regular = false;
};

} // namespace veil
