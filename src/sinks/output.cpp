#include "sinks/output.hpp"

#include "core/errors.hpp"
#include "sinks/atomic_file.hpp"
#include "sinks/fd_write.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace veil {

namespace {

[[noreturn]] void throw_write_error(const std::string& name, int err) {
  throw InputError(name + ": write error: " + std::strerror(err));
}

} // namespace

Output::Output(const std::string& path, mode_t mode)
    : m_buffer(new char[k_buffer_size]), m_adapter(*this),
      m_stream(&m_adapter) {
  m_stream.exceptions(std::ios::badbit);
  if (path == "-") {
    m_name = "<stdout>";
    m_fd = STDOUT_FILENO;
    return;
  }
  m_name = path;
  open_path(path, mode);
}

Output::Output(int fd, std::string name)
    : m_name(std::move(name)), m_fd(fd), m_buffer(new char[k_buffer_size]),
      m_adapter(*this), m_stream(&m_adapter) {
  m_stream.exceptions(std::ios::badbit);
}

void Output::open_path(const std::string& path, mode_t mode) {
  // Renaming a temporary file over /dev/null (as root) would replace the
  // device, and over a FIFO would break its reader: write those in place.
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    m_fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (m_fd < 0) {
      throw_write_error(m_name, errno);
    }
    m_owns_fd = true;
    return;
  }
  m_file = std::make_unique<AtomicFile>(path, mode);
  m_fd = m_file->fd();
}

Output::~Output() {
  if (!m_done && !m_file) {
    try {
      flush();
    } catch (...) {
      // Destructors must not throw; the error that unwound us is reported.
    }
  }
  if (m_owns_fd && m_fd >= 0) {
    ::close(m_fd);
  }
  // m_file's destructor removes an uncommitted temporary file.
}

void Output::write(std::string_view data) {
  if (m_done) {
    return;
  }
  if (data.size() <= k_buffer_size - m_used) {
    std::memcpy(m_buffer.get() + m_used, data.data(), data.size());
    m_used += data.size();
    return;
  }
  flush();
  if (data.size() >= k_buffer_size) {
    // Copying a large block into the buffer would only delay it.
    write_out(data);
    return;
  }
  std::memcpy(m_buffer.get(), data.data(), data.size());
  m_used = data.size();
}

void Output::flush() {
  if (m_done || m_used == 0) {
    return;
  }
  const size_t used = m_used;
  m_used = 0;
  write_out(std::string_view(m_buffer.get(), used));
}

void Output::finish() {
  if (m_done) {
    return;
  }
  flush();
  m_done = true;
  if (m_file) {
    m_file->commit();
  } else if (m_owns_fd) {
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0) {
      throw_write_error(m_name, errno);
    }
  }
}

void Output::write_out(std::string_view data) {
  const int err = write_all(m_fd, data);
  if (err == 0) {
    return;
  }
  // Nothing more can usefully be written after a failure.
  m_done = true;
  if (err == EPIPE && !m_file) {
    throw BrokenPipe();
  }
  throw_write_error(m_name, err);
}

Output::StreamAdapter::int_type Output::StreamAdapter::overflow(int_type c) {
  if (!traits_type::eq_int_type(c, traits_type::eof())) {
    const char ch = traits_type::to_char_type(c);
    m_out.write(std::string_view(&ch, 1));
  }
  return traits_type::not_eof(c);
}

std::streamsize Output::StreamAdapter::xsputn(const char* s,
                                              std::streamsize n) {
  m_out.write(std::string_view(s, static_cast<size_t>(n)));
  return n;
}

int Output::StreamAdapter::sync() {
  m_out.flush();
  return 0;
}

} // namespace veil
