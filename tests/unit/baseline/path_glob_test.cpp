#include "baseline/path_glob.hpp"

#include <doctest/doctest.h>

namespace veil {
namespace {

TEST_SUITE("baseline::path_glob") {
  TEST_CASE("* and ? stay inside a segment, ** crosses them") {
    CHECK(glob_match("*.pem", "key.pem"));
    CHECK_FALSE(glob_match("*.pem", "dir/key.pem"));
    CHECK(glob_match("a?c", "abc"));
    CHECK_FALSE(glob_match("a?c", "a/c"));
    CHECK(glob_match("**/x.txt", "x.txt"));
    CHECK(glob_match("**/x.txt", "a/b/x.txt"));
    CHECK(glob_match("a/**", "a/b/c"));
    CHECK(glob_match("a/**/c", "a/c"));
    CHECK(glob_match("a/**/c", "a/b/b/c"));
    CHECK_FALSE(glob_match("a/**/c", "a/b/d"));
  }

  TEST_CASE("classes, negation and escapes") {
    CHECK(glob_match("log[0-9].txt", "log7.txt"));
    CHECK_FALSE(glob_match("log[0-9].txt", "logx.txt"));
    CHECK(glob_match("log[!0-9].txt", "logx.txt"));
    CHECK_FALSE(glob_match("log[!0-9].txt", "log1.txt"));
    CHECK(glob_match("\\*.txt", "*.txt"));
    CHECK_FALSE(glob_match("\\*.txt", "a.txt"));
    CHECK(glob_match("[unclosed", "[unclosed"));
  }

  TEST_CASE("a pattern without / matches a name at any depth") {
    CHECK(path_glob_matches("*.pem", "a/b/key.pem"));
    CHECK(path_glob_matches("fixtures", "tests/fixtures/a.jsonl"));
    CHECK(path_glob_matches("fixtures/", "tests/fixtures/a.jsonl"));
    CHECK_FALSE(path_glob_matches("fixtures/", "tests/fixtures"));
    CHECK(path_glob_matches("fixtures/", "tests/fixtures", true));
    CHECK_FALSE(path_glob_matches("*.pem", "a/b/key.pem.txt"));
  }

  TEST_CASE("a pattern with / is anchored and covers what is below") {
    CHECK(path_glob_matches("tests/fixtures", "tests/fixtures/a/b.jsonl"));
    CHECK(path_glob_matches("/tests/*.jsonl", "tests/a.jsonl"));
    CHECK_FALSE(path_glob_matches("tests/*.jsonl", "x/tests/a.jsonl"));
    CHECK(path_glob_matches("tests/**/*.jsonl", "tests/a/b/c.jsonl"));
    CHECK_FALSE(path_glob_matches("tests/fixtures", "tests/fixtures2/a"));
  }

  TEST_CASE("paths are made relative to the pattern's base") {
    CHECK(relative_to("logs/a.jsonl", ".", "/w") == "logs/a.jsonl");
    CHECK(relative_to("./logs/../a.jsonl", ".", "/w") == "a.jsonl");
    CHECK(relative_to("sub/a.jsonl", "..", "/w/proj") == "proj/sub/a.jsonl");
    CHECK(relative_to("/w/x/a.jsonl", "/w", "/elsewhere") == "x/a.jsonl");
    CHECK(relative_to("a.jsonl", "sub", "/w") == "../a.jsonl");
  }
}

} // namespace
} // namespace veil
