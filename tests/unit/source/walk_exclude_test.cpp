#include "source/input_list.hpp"
#include "source_test_util.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace veil {
namespace {

using test::TempDir;

std::vector<std::string> walked(const std::string& dir,
                                std::vector<std::string> exclude) {
  WalkOptions options;
  options.exclude = std::move(exclude);
  options.gitignore = false;
  std::vector<std::string> out;
  for (const Input& input : expand_inputs({dir}, options)) {
    out.push_back(input.name.substr(dir.size() + 1));
  }
  return out;
}

TEST_SUITE("source::input_list --exclude") {
  TEST_CASE("globs prune files and whole directories of a walk") {
    TempDir dir;
    dir.write("logs/a.jsonl", "a\n");
    dir.write("logs/b.jsonl.gz", "b\n");
    dir.write("logs/old/c.jsonl", "c\n");
    dir.write("logs/new/old/d.jsonl", "d\n");
    const std::string root = (dir.path() / "logs").string();
    CHECK(walked(root, {}) == std::vector<std::string>{"a.jsonl", "b.jsonl.gz",
                                                       "new/old/d.jsonl",
                                                       "old/c.jsonl"});
    CHECK(walked(root, {"*.gz"}) == std::vector<std::string>{"a.jsonl",
                                                             "new/old/d.jsonl",
                                                             "old/c.jsonl"});
    // No '/': a name at any depth. Anchored: below the walked directory.
    CHECK(walked(root, {"old/"}) ==
          std::vector<std::string>{"a.jsonl", "b.jsonl.gz"});
    CHECK(walked(root, {"/old"}) ==
          std::vector<std::string>{"a.jsonl", "b.jsonl.gz", "new/old/d.jsonl"});
    CHECK(walked(root, {"**/d.jsonl", "a.*"}) ==
          std::vector<std::string>{"b.jsonl.gz", "old/c.jsonl"});
  }

  TEST_CASE("a file named on the command line is never excluded") {
    TempDir dir;
    dir.write("a.gz", "a\n");
    WalkOptions options;
    options.exclude = {"*.gz"};
    const std::string file = (dir.path() / "a.gz").string();
    CHECK(expand_inputs({file}, options).size() == 1);
  }
}

} // namespace
} // namespace veil
