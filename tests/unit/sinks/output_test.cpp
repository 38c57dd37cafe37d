#include "core/errors.hpp"
#include "sinks/output.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <csignal>
#include <fcntl.h>
#include <string>
#include <unistd.h>

using veil::BrokenPipe;
using veil::InputError;
using veil::Output;
using veil::sinks_test::read_file;
using veil::sinks_test::TempDir;

namespace {

// Reads everything from a pipe's read end until EOF.
std::string drain(int fd) {
  std::string all;
  char buffer[4096];
  ssize_t n;
  while ((n = ::read(fd, buffer, sizeof buffer)) > 0) {
    all.append(buffer, static_cast<size_t>(n));
  }
  return all;
}

} // namespace

TEST_SUITE("sinks::output") {
  TEST_CASE("file output appears only on finish") {
    TempDir dir;
    const std::string path = dir.file("clean.jsonl");
    {
      Output out(path);
      out.write("line 1\n");
      out.stream() << "line " << 2 << '\n';
      out.write("line 3\n");
      out.flush();
      CHECK(dir.entries().size() == 1);
      CHECK(dir.entries()[0] != "clean.jsonl");
      out.finish();
    }
    CHECK(read_file(path) == "line 1\nline 2\nline 3\n");
    CHECK(dir.entries() == std::vector<std::string>{"clean.jsonl"});
  }

  TEST_CASE("file output without finish leaves nothing") {
    TempDir dir;
    {
      Output out(dir.file("clean.jsonl"));
      out.write(std::string(3 * Output::k_buffer_size, 'x'));
    }
    CHECK(dir.entries().empty());
  }

  TEST_CASE("writes larger than the buffer keep their order") {
    TempDir dir;
    const std::string path = dir.file("big");
    const std::string big(Output::k_buffer_size + 10, 'b');
    const std::string medium(Output::k_buffer_size - 5, 'm');
    {
      Output out(path);
      out.write("head");
      out.write(big);
      out.write(medium);
      out.stream() << "tail";
      out.finish();
    }
    CHECK(read_file(path) == "head" + big + medium + "tail");
  }

  TEST_CASE("a device path is written in place, not replaced") {
    Output out("/dev/null");
    out.write("discarded");
    out.finish();
    CHECK(::access("/dev/null", W_OK) == 0);
  }

  TEST_CASE("a descriptor gets its bytes on flush and in the destructor") {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    {
      Output out(fds[1], "<stdout>");
      out.write("abc");
      out.flush();
      char got[3];
      REQUIRE(::read(fds[0], got, 3) == 3);
      CHECK(std::string(got, 3) == "abc");
      out.write("def");
    }
    ::close(fds[1]);
    CHECK(drain(fds[0]) == "def");
    ::close(fds[0]);
  }

  TEST_CASE("a closed reader is a BrokenPipe, through write and stream") {
    std::signal(SIGPIPE, SIG_IGN);
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    ::close(fds[0]);
    {
      Output out(fds[1], "<stdout>");
      out.write("lost");
      CHECK_THROWS_AS(out.flush(), BrokenPipe);
    }
    {
      Output out(fds[1], "<stdout>");
      CHECK_THROWS_AS(out.stream()
                          << std::string(Output::k_buffer_size + 1, 'x'),
                      BrokenPipe);
    }
    {
      Output out(fds[1], "<stdout>");
      out.write("lost");
      CHECK_THROWS_AS(out.finish(), BrokenPipe);
    }
    ::close(fds[1]);
    std::signal(SIGPIPE, SIG_DFL);
  }

  TEST_CASE("a full disk is an InputError naming the output") {
    const int fd = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
    REQUIRE(fd >= 0);
    {
      Output out(fd, "<stdout>");
      out.write("x");
      CHECK_THROWS_WITH_AS(out.finish(),
                           "<stdout>: write error: No space left on device",
                           InputError);
    }
    {
      Output out(fd, "<stdout>");
      out.stream() << "x";
      CHECK_THROWS_AS(out.stream().flush(), InputError);
    }
    ::close(fd);
  }
}
