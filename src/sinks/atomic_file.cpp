#include "sinks/atomic_file.hpp"

#include "core/errors.hpp"
#include "sinks/fd_write.hpp"
#include "sinks/temp_cleanup.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace veil {

namespace {
constexpr std::string_view k_temp_suffix = ".veil-tmp-XXXXXX";
}

AtomicFile::AtomicFile(std::string path, mode_t mode)
    : m_path(std::move(path)) {
  std::string name = m_path;
  name += k_temp_suffix;
  // mkostemp fills the X's in place, so it needs a writable buffer.
  std::vector<char> buffer(name.begin(), name.end());
  buffer.push_back('\0');
  m_fd = ::mkostemp(buffer.data(), O_CLOEXEC);
  if (m_fd < 0) {
    fail(errno);
  }
  m_temp_path = buffer.data();
  m_cleanup_slot = register_temp(m_temp_path.c_str());
  if (::fchmod(m_fd, mode) != 0) {
    // A throwing constructor runs no destructor: clean up here.
    const int err = errno;
    ::close(m_fd);
    m_fd = -1;
    ::unlink(m_temp_path.c_str());
    unregister_temp(m_cleanup_slot);
    fail(err);
  }
}

AtomicFile::~AtomicFile() {
  if (m_fd >= 0) {
    ::close(m_fd);
  }
  if (!m_committed && !m_temp_path.empty()) {
    ::unlink(m_temp_path.c_str());
  }
  unregister_temp(m_cleanup_slot);
}

void AtomicFile::write(std::string_view data) {
  if (const int err = write_all(m_fd, data); err != 0) {
    fail(err);
  }
}

void AtomicFile::commit() {
  if (m_committed) {
    return;
  }
  // close() is where NFS and quota errors surface; check it like any write.
  const int fd = m_fd;
  m_fd = -1;
  if (::close(fd) != 0) {
    fail(errno);
  }
  if (std::rename(m_temp_path.c_str(), m_path.c_str()) != 0) {
    fail(errno);
  }
  m_committed = true;
  unregister_temp(m_cleanup_slot);
  m_cleanup_slot = -1;
}

void AtomicFile::fail(int err) {
  // The user named PATH, not the temporary file, so the message names PATH.
  throw InputError(m_path + ": write error: " + std::strerror(err));
}

} // namespace veil
