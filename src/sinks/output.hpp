// Where redacted text and reports go: a large buffer in front of stdout, of
// a device or FIFO, or of an AtomicFile for a regular -o file. Write errors
// throw InputError (exit 3), except a reader that went away (EPIPE on a pipe),
// which throws BrokenPipe so main can stop quietly with exit 0, as ripgrep.
// stream() lets report writers that take std::ostream write through the
// same buffer, so bytes come out in the order they were written.
#pragma once

#include <exception>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>
#include <sys/types.h>

namespace veil {

class AtomicFile;

// The reader of our pipe closed it (`veil redact big.jsonl | head`). Not an
// error: main exits 0 without a message. Needs SIGPIPE ignored in main,
// otherwise the signal kills the process before write() returns EPIPE.
class BrokenPipe : public std::exception {
public:
  const char* what() const noexcept override { return "broken pipe"; }
};

class Output {
public:
  static constexpr size_t k_buffer_size = size_t{1} << 20;

  // "-" is stdout. A path that exists and is not a regular file (/dev/null,
  // /dev/stdout, a FIFO) is opened and written in place; anything else is
  // written through an AtomicFile with this mode. Throws InputError.
  explicit Output(const std::string& path, mode_t mode = 0644);
  // Writes to a descriptor the caller owns and keeps open; name is used in
  // messages ("<stdout>").
  Output(int fd, std::string name);
  // Without finish(): an atomic file is discarded; a stream descriptor gets
  // what was buffered, ignoring errors (the run is failing already).
  ~Output();

  // stream() points into this object, so it can't be copied or moved.
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  void write(std::string_view data);
  void flush();
  // Flushes, then commits an atomic file or closes an opened device. Must be
  // called for the output to count as written; later writes are ignored.
  void finish();

  // An ostream over the same buffer; write errors propagate as exceptions.
  std::ostream& stream() { return m_stream; }
  const std::string& name() const { return m_name; }

private:
  class StreamAdapter : public std::streambuf {
  public:
    explicit StreamAdapter(Output& out) : m_out(out) {}

  protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* s, std::streamsize n) override;
    int sync() override;

  private:
    Output& m_out;
  };

  void open_path(const std::string& path, mode_t mode);
  void write_out(std::string_view data);

  std::string m_name;
  int m_fd = -1;
  bool m_owns_fd = false;             // opened device or FIFO: close in finish
  std::unique_ptr<AtomicFile> m_file; // regular file: rename in finish
  bool m_done = false;                // finished, or a write failed
  std::unique_ptr<char[]> m_buffer;
  size_t m_used = 0;
  StreamAdapter m_adapter;
  std::ostream m_stream;
};

} // namespace veil
