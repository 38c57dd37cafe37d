#include "source/input_size.hpp"

#include "source/decompress.hpp"

#include <fcntl.h>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>

namespace veil {

namespace {

// Bytes left to read from a regular file at its current offset, or nullopt
// for anything else (pipe, directory, device) or a compressed file, whose
// line bytes can't be told from its size.
std::optional<uint64_t> regular_size(int fd) {
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    return std::nullopt;
  }
  const off_t at = lseek(fd, 0, SEEK_CUR);
  const off_t from = at < 0 ? 0 : at;
  char head[8];
  const ssize_t n = pread(fd, head, sizeof head, from);
  bool more_needed = false;
  if (n > 0 && detect_compression(std::string_view(head, size_t(n)),
                                  more_needed) != Compression::none) {
    return std::nullopt;
  }
  return st.st_size > from ? uint64_t(st.st_size - from) : 0;
}

} // namespace

std::optional<uint64_t> known_input_size(const std::vector<std::string>& args) {
  uint64_t total = 0;
  for (const std::string& arg : args) {
    if (arg == "-") {
      const auto size = regular_size(STDIN_FILENO);
      if (!size) {
        return std::nullopt;
      }
      total += *size;
      continue;
    }
    // stat() first: opening a FIFO would block or, once closed, cut off
    // the program writing into it.
    struct stat st {};
    if (stat(arg.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
      return std::nullopt;
    }
    const int fd = ::open(arg.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      return std::nullopt;
    }
    const auto size = regular_size(fd);
    ::close(fd);
    if (!size) {
      return std::nullopt;
    }
    total += *size;
  }
  return total;
}

} // namespace veil
