#include "core/errors.hpp"
#include "sinks/atomic_file.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <string>
#include <sys/stat.h>
#include <vector>

using veil::AtomicFile;
using veil::sinks_test::read_file;
using veil::sinks_test::TempDir;

namespace {

mode_t mode_of(const std::string& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

} // namespace

TEST_SUITE("sinks::atomic_file") {
  TEST_CASE("commit renames the temporary file over the path") {
    TempDir dir;
    const std::string path = dir.file("out.jsonl");
    {
      AtomicFile file(path);
      CHECK(file.temp_path().rfind(path + ".veil-tmp-", 0) == 0);
      file.write("hello ");
      file.write("world\n");
      // Nothing at the final path until commit().
      CHECK(dir.entries().size() == 1);
      CHECK(dir.entries()[0].rfind("out.jsonl.veil-tmp-", 0) == 0);
      file.commit();
    }
    CHECK(dir.entries() == std::vector<std::string>{"out.jsonl"});
    CHECK(read_file(path) == "hello world\n");
    CHECK(mode_of(path) == 0644);
  }

  TEST_CASE("commit replaces an existing file") {
    TempDir dir;
    const std::string path = dir.file("out");
    {
      AtomicFile first(path);
      first.write("old");
      first.commit();
    }
    AtomicFile second(path);
    second.write("new");
    CHECK(read_file(path) == "old");
    second.commit();
    CHECK(read_file(path) == "new");
  }

  TEST_CASE("without commit nothing is left behind") {
    TempDir dir;
    const std::string path = dir.file("out");
    {
      AtomicFile file(path);
      file.write("partial");
    }
    CHECK(dir.entries().empty());
  }

  TEST_CASE("a previous file survives an aborted rewrite") {
    TempDir dir;
    const std::string path = dir.file("vault.json");
    {
      AtomicFile file(path);
      file.write("complete");
      file.commit();
    }
    {
      AtomicFile file(path);
      file.write("half");
    }
    CHECK(dir.entries() == std::vector<std::string>{"vault.json"});
    CHECK(read_file(path) == "complete");
  }

  TEST_CASE("mode is applied as given") {
    TempDir dir;
    const std::string path = dir.file("vault.json");
    AtomicFile file(path, 0600);
    CHECK(mode_of(file.temp_path()) == 0600);
    file.commit();
    CHECK(mode_of(path) == 0600);
  }

  TEST_CASE("a directory that does not exist is an InputError naming PATH") {
    TempDir dir;
    const std::string path = dir.file("missing/out.jsonl");
    CHECK_THROWS_WITH_AS(
        AtomicFile{path},
        (path + ": write error: No such file or directory").c_str(),
        veil::InputError);
  }
}
