#include "core/errors.hpp"
#include "source/input_list.hpp"
#include "source_test_util.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <sys/stat.h>
#include <vector>

namespace veil {
namespace {

namespace fs = std::filesystem;
using test::TempDir;

std::vector<std::string> names(const std::vector<Input>& inputs) {
  std::vector<std::string> out;
  for (const Input& input : inputs) {
    out.push_back(input.name);
  }
  return out;
}

std::string error_of(const std::vector<std::string>& args) {
  try {
    expand_inputs(args);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

// A tree with everything the walk must sort, skip or not follow.
void make_tree(const TempDir& dir) {
  dir.write("logs/b.jsonl", "b\n");
  dir.write("logs/a.txt", "a\n");
  dir.write("logs/sub/c.log", "c\n");
  dir.write("logs/sub.txt", "s\n"); // '.' sorts before '/'
  dir.write("logs/B.log", "B\n");   // byte order: uppercase first
  dir.write("logs/.git/config", "skipped\n");
  dir.write("logs/sub/.git/HEAD", "skipped\n");
  dir.write("logs/.hidden", "h\n"); // only .git is skipped
  fs::create_directories(dir.path() / "logs/empty");
  const fs::path logs = dir.path() / "logs";
  fs::create_symlink("a.txt", logs / "link_to_file");
  fs::create_symlink("..", logs / "sub/loop");       // back up the tree
  fs::create_directory_symlink(logs, logs / "self"); // to itself
  fs::create_symlink("nowhere", logs / "dangling");
  REQUIRE(mkfifo((logs / "fifo").c_str(), 0600) == 0); // not a regular file
}

} // namespace

TEST_SUITE("source::input_list") {

  TEST_CASE("dash is stdin") {
    const std::vector<Input> inputs = expand_inputs({"-"});
    REQUIRE(inputs.size() == 1);
    CHECK(inputs[0].path == "-");
    CHECK(inputs[0].name == "<stdin>");
    CHECK_FALSE(inputs[0].from_walk);
  }

  TEST_CASE("files are taken as given") {
    TempDir dir;
    const std::string a = dir.write("x/../a.log", "a\n");
    const std::vector<Input> inputs = expand_inputs({a, "-", a});
    REQUIRE(inputs.size() == 3);
    CHECK(inputs[0].path == a);
    CHECK(inputs[0].name == a);
    CHECK_FALSE(inputs[0].from_walk);
    CHECK(inputs[1].name == "<stdin>");
    CHECK(inputs[2].name == a);
  }

  TEST_CASE("directory walk: sorted, regular files, no symlinked dirs") {
    TempDir dir;
    make_tree(dir);
    const std::string root = (dir.path() / "logs").string();
    const std::vector<Input> inputs = expand_inputs({root});
    const std::vector<std::string> expected = {
        root + "/.hidden",   root + "/B.log",        root + "/a.txt",
        root + "/b.jsonl",   root + "/link_to_file", root + "/sub.txt",
        root + "/sub/c.log",
    };
    CHECK(names(inputs) == expected);
    for (const Input& input : inputs) {
      CHECK(input.path == input.name);
      CHECK(input.from_walk);
    }
    // A trailing slash is not doubled.
    const std::vector<Input> slashed = expand_inputs({root + "/"});
    CHECK(names(slashed) == expected);
  }

  TEST_CASE("relative arguments keep the user's spelling") {
    TempDir dir;
    dir.write("logs/a.jsonl", "a\n");
    const fs::path saved = fs::current_path();
    fs::current_path(dir.path());
    const auto plain = names(expand_inputs({"logs"}));
    const auto slash = names(expand_inputs({"logs/"}));
    const auto dot = names(expand_inputs({"./logs"}));
    fs::current_path(saved);
    CHECK(plain == std::vector<std::string>{"logs/a.jsonl"});
    CHECK(slash == std::vector<std::string>{"logs/a.jsonl"});
    CHECK(dot == std::vector<std::string>{"./logs/a.jsonl"});
  }

  TEST_CASE("a symlink to a directory given as an argument is walked") {
    TempDir dir;
    dir.write("real/a.log", "a\n");
    fs::create_directory_symlink(dir.path() / "real", dir.path() / "alias");
    const std::string alias = (dir.path() / "alias").string();
    CHECK(names(expand_inputs({alias})) ==
          std::vector<std::string>{alias + "/a.log"});
  }

  TEST_CASE("an empty directory gives no inputs") {
    TempDir dir;
    CHECK(expand_inputs({dir.path().string()}).empty());
  }

  TEST_CASE("errors") {
    TempDir dir;
    const std::string missing = (dir.path() / "missing.jsonl").string();
    CHECK(error_of({missing}) == missing + ": No such file or directory");
    const std::string file = dir.write("f.log", "x\n");
    CHECK(error_of({file + "/sub"}) == file + "/sub: Not a directory");
  }

  TEST_CASE("an unreadable directory is an error") {
    if (geteuid() == 0) {
      return; // root reads any directory: nothing to test
    }
    TempDir dir;
    dir.write("logs/locked/a.log", "a\n");
    const fs::path locked = dir.path() / "logs/locked";
    fs::permissions(locked, fs::perms::none);
    const std::string root = (dir.path() / "logs").string();
    const std::string message = error_of({root});
    fs::permissions(locked, fs::perms::owner_all);
    CHECK(message == root + "/locked: Permission denied");
  }

} // TEST_SUITE

} // namespace veil
