#include "core/errors.hpp"
#include "source/byte_source.hpp"
#include "source/decompress.hpp"
#include "source/peek_source.hpp"
#include "source_test_util.hpp"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <string>
#include <unistd.h>

namespace veil {
namespace {

using test::ChunkedSource;
using test::read_all;
using test::TempDir;

std::string text_lines(size_t count) {
  std::string out;
  for (size_t i = 0; i < count; ++i) {
    out += "{\"n\":" + std::to_string(i) + ",\"msg\":\"hello world\"}\n";
  }
  return out;
}

struct Opened {
  std::string bytes;
  bool binary;
};

Opened open_and_read(const std::string& path) {
  OpenedInput opened = open_input(Input{path, path, false});
  return Opened{read_all(*opened.source), opened.binary};
}

std::string error_of(const std::string& path, const std::string& name) {
  try {
    OpenedInput opened = open_input(Input{path, name, false});
    read_all(*opened.source);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

// Runs body with fd 0 reading from a pipe that holds data, then restores it.
template <typename Body>
void with_stdin(const std::string& data, Body body) {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  REQUIRE(write(fds[1], data.data(), data.size()) ==
          static_cast<ssize_t>(data.size()));
  close(fds[1]);
  const int saved = dup(STDIN_FILENO);
  dup2(fds[0], STDIN_FILENO);
  close(fds[0]);
  body();
  dup2(saved, STDIN_FILENO);
  close(saved);
}

} // namespace

TEST_SUITE("source::byte_source") {

  TEST_CASE("plain file is returned as is") {
    TempDir dir;
    const std::string text = text_lines(20000); // several read blocks
    const Opened got = open_and_read(dir.write("a.jsonl", text));
    CHECK(got.bytes == text);
    CHECK_FALSE(got.binary);
  }

  TEST_CASE("empty and tiny files, including magic prefixes") {
    TempDir dir;
    for (const std::string& text :
         {std::string(), std::string("x"), std::string("\x1f"),
          std::string("\x28\xb5\x2f"), std::string("\x1f\x8c\n")}) {
      CHECK(open_and_read(dir.write("t", text)).bytes == text);
    }
  }

  TEST_CASE("binary: NUL in the first 8 KiB, peeked bytes still read") {
    TempDir dir;
    std::string data = text_lines(1000);
    std::string early = data;
    early[8191] = '\0';
    Opened got = open_and_read(dir.write("early.log", early));
    CHECK(got.binary);
    CHECK(got.bytes == early);

    std::string late = data;
    late[8192] = '\0';
    got = open_and_read(dir.write("late.log", late));
    CHECK_FALSE(got.binary);
    CHECK(got.bytes == late);
  }

  TEST_CASE("gzip is detected by magic, not extension") {
    TempDir dir;
    const std::string text = text_lines(50000);
    const Opened got = open_and_read(dir.write("plain.log", test::gzip(text)));
    CHECK(got.bytes == text);
    CHECK_FALSE(got.binary);
  }

  TEST_CASE("gzip: concatenated members") {
    TempDir dir;
    const std::string a = text_lines(10);
    const std::string b = "second member\n";
    const std::string path =
        dir.write("cat.gz", test::gzip(a) + test::gzip(b) + test::gzip("") +
                                test::gzip(a));
    CHECK(open_and_read(path).bytes == a + b + a);
  }

  TEST_CASE("gzip: truncated, corrupt and trailing garbage are errors") {
    TempDir dir;
    const std::string gz = test::gzip(text_lines(1000));
    const std::string message = "app.log.gz: gzip: truncated or corrupt input";
    CHECK(error_of(dir.write("t.gz", gz.substr(0, gz.size() - 10)),
                   "app.log.gz") == message);
    CHECK(error_of(dir.write("h.gz", gz.substr(0, 5)), "app.log.gz") ==
          message);
    std::string corrupt = gz;
    corrupt[corrupt.size() / 2] ^= 0x55;
    corrupt[corrupt.size() / 2 + 1] ^= 0x55;
    CHECK(error_of(dir.write("c.gz", corrupt), "app.log.gz") == message);
    CHECK(error_of(dir.write("g.gz", gz + "garbage"), "app.log.gz") == message);
  }

  TEST_CASE("zstd: single and concatenated frames") {
    TempDir dir;
    const std::string a = text_lines(30000);
    const std::string b = "after\n";
    CHECK(open_and_read(dir.write("a.log", test::zstd(a))).bytes == a);
    CHECK(open_and_read(dir.write("ab.zst", test::zstd(a) + test::zstd(b)))
              .bytes == a + b);
  }

  TEST_CASE("zstd: stream opening with a skippable frame") {
    TempDir dir;
    // Magic 0x184D2A53 (little-endian), 4-byte size, 4 bytes of payload.
    const std::string skippable("\x53\x2a\x4d\x18\x04\0\0\0abcd", 12);
    const std::string path =
        dir.write("skip.zst", skippable + test::zstd("text\n"));
    CHECK(open_and_read(path).bytes == "text\n");
  }

  TEST_CASE("zstd: truncated and corrupt are errors") {
    TempDir dir;
    const std::string zst = test::zstd(text_lines(1000));
    const std::string message = "x.zst: zstd: truncated or corrupt input";
    CHECK(error_of(dir.write("t.zst", zst.substr(0, zst.size() - 3)),
                   "x.zst") == message);
    CHECK(error_of(dir.write("h.zst", zst.substr(0, 4)), "x.zst") == message);
    CHECK(error_of(dir.write("g.zst", zst + "garbage!"), "x.zst") == message);
  }

  TEST_CASE("binary detection looks at decoded bytes") {
    TempDir dir;
    const std::string with_nul("a\0b\n", 4);
    CHECK(open_and_read(dir.write("n.gz", test::gzip(with_nul))).binary);
    CHECK(open_and_read(dir.write("n.zst", test::zstd(with_nul))).binary);
    // The compressed bytes hold NULs; the text does not.
    CHECK_FALSE(open_and_read(dir.write("t.gz", test::gzip("text\n"))).binary);
  }

  TEST_CASE("decoders handle reads of 1-3 bytes at a time") {
    const std::string text = text_lines(300);
    auto gz = make_gzip_source(
        std::make_unique<ChunkedSource>(test::gzip(text) + test::gzip(text),
                                        std::vector<size_t>{1, 3, 2}),
        "g");
    CHECK(read_all(*gz, 3) == text + text);
    auto zst = make_zstd_source(
        std::make_unique<ChunkedSource>(test::zstd(text) + test::zstd(text),
                                        std::vector<size_t>{2, 1, 3}),
        "z");
    CHECK(read_all(*zst, 2) == text + text);
  }

  TEST_CASE("a compression bomb streams through fixed buffers") {
    // 64 MiB of zeros from under 100 KiB: decoded one block at a time.
    const size_t size = 64ull * 1024 * 1024;
    TempDir dir;
    for (const std::string& packed :
         {test::gzip_zeros(size), test::zstd_zeros(size)}) {
      CHECK(packed.size() < size / 500);
      OpenedInput opened = open_input(Input{dir.write("bomb", packed), "b"});
      CHECK(opened.binary);
      std::string buf(1024 * 1024, 'x');
      size_t total = 0;
      while (size_t got = opened.source->read(buf.data(), buf.size())) {
        total += got;
      }
      CHECK(total == size);
    }
  }

  TEST_CASE("open errors name the input") {
    TempDir dir;
    CHECK(error_of((dir.path() / "missing").string(), "logs/missing.jsonl") ==
          "logs/missing.jsonl: cannot open: No such file or directory");
    CHECK(error_of(dir.path().string(), "logs") ==
          "logs: cannot open: Is a directory");
  }

  TEST_CASE("stdin: plain and gzip") {
    with_stdin("one\ntwo\n", [] {
      OpenedInput opened = open_input(Input{"-", "<stdin>"});
      CHECK_FALSE(opened.binary);
      CHECK(read_all(*opened.source) == "one\ntwo\n");
    });
    with_stdin(test::gzip("zipped\n"), [] {
      OpenedInput opened = open_input(Input{"-", "<stdin>"});
      CHECK(read_all(*opened.source) == "zipped\n");
    });
    with_stdin(std::string("\0\n", 2), [] {
      CHECK(open_input(Input{"-", "<stdin>"}).binary);
    });
  }

  TEST_CASE("PeekSource returns peeked bytes before the rest") {
    PeekSource peek(
        std::make_unique<ChunkedSource>("hello world", std::vector<size_t>{2}));
    CHECK(peek.fetch(10));
    CHECK(peek.head() == "he");
    peek.fill(7);
    CHECK(peek.head() == "hello w");
    peek.fill(100);
    CHECK(peek.head() == "hello world");
    CHECK_FALSE(peek.fetch(10));
    CHECK(read_all(peek, 4) == "hello world");
  }

  TEST_CASE("detect_compression") {
    bool more = false;
    CHECK(detect_compression("", more) == Compression::none);
    CHECK(more);
    CHECK(detect_compression("\x1f", more) == Compression::none);
    CHECK(more);
    CHECK(detect_compression("\x1f\x8b", more) == Compression::gzip);
    CHECK(detect_compression("\x28\xb5\x2f", more) == Compression::none);
    CHECK(more);
    CHECK(detect_compression("\x28\xb5\x2f\xfd", more) == Compression::zstd);
    CHECK(detect_compression("\x5e\x2a\x4d\x18", more) == Compression::zstd);
    CHECK(detect_compression("\x4e\x2a\x4d\x18", more) == Compression::none);
    CHECK(detect_compression("{\"a\"", more) == Compression::none);
    CHECK_FALSE(more);
  }

} // TEST_SUITE

} // namespace veil
