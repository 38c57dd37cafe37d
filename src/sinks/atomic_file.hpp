// A file that appears complete or not at all (ccache's AtomicFile): bytes go
// to "PATH.veil-tmp-XXXXXX" in the same directory, and commit() renames it
// over PATH. Destroying it without commit() removes the temporary file, so
// an error midway never leaves a half-written -o file or vault, and neither
// does SIGINT/SIGTERM (temp_cleanup removes the temporary file).
#pragma once

#include <string>
#include <string_view>
#include <sys/types.h>

namespace veil {

class AtomicFile {
public:
  // Creates the temporary file with the given mode (0600 for vaults); the
  // mode is applied as given, without the umask. Throws InputError.
  explicit AtomicFile(std::string path, mode_t mode = 0644);
  ~AtomicFile();

  // Owns a descriptor and a file on disk: copying would remove it twice.
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Unbuffered: callers batch their own writes. Throws InputError.
  void write(std::string_view data);
  // Closes the temporary file and renames it to path(). Throws InputError
  // (and removes the temporary file) when either fails.
  void commit();

  int fd() const { return m_fd; }
  const std::string& path() const { return m_path; }
  const std::string& temp_path() const { return m_temp_path; }

private:
  [[noreturn]] void fail(int err);

  std::string m_path;
  std::string m_temp_path;
  int m_fd = -1;
  int m_cleanup_slot = -1; // in temp_cleanup, for SIGINT/SIGTERM
  bool m_committed = false;
};

} // namespace veil
