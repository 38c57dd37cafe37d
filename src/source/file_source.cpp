#include "source/file_source.hpp"

#include "core/errors.hpp"
#include "source/sys_error.hpp"

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace veil {

FileSource::FileSource(const Input& input) : m_name(input.name) {
  if (input.path == "-") {
    m_fd = STDIN_FILENO;
  } else {
    m_fd = ::open(input.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (m_fd < 0) {
      const int err = errno; // read before anything else can change it
      throw InputError(m_name + ": cannot open: " + errno_text(err));
    }
    m_owned = true;
  }
  struct stat st {};
  int err = 0;
  if (fstat(m_fd, &st) != 0) {
    err = errno;
  } else if (S_ISDIR(st.st_mode)) {
    err = EISDIR;
  }
  if (err != 0) {
    close_owned(); // the destructor does not run when a constructor throws
    throw InputError(m_name + ": cannot open: " + errno_text(err));
  }
  m_regular = S_ISREG(st.st_mode);
  if (m_regular) {
    posix_fadvise(m_fd, 0, 0, POSIX_FADV_SEQUENTIAL); // a hint: errors ignored
  }
}

FileSource::~FileSource() {
  close_owned();
}

void FileSource::close_owned() {
  if (m_owned && m_fd >= 0) {
    ::close(m_fd);
    m_fd = -1;
  }
}

size_t FileSource::read(char* buf, size_t cap) {
  for (;;) {
    const ssize_t got = ::read(m_fd, buf, cap);
    if (got >= 0) {
      return static_cast<size_t>(got);
    }
    const int err = errno;
    if (err != EINTR) {
      throw InputError(m_name + ": read error: " + errno_text(err));
    }
  }
}

} // namespace veil
