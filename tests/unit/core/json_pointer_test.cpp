#include "core/errors.hpp"
#include "core/json_pointer.hpp"

#include <doctest/doctest.h>

#include <string>

namespace veil {
namespace {

std::string pointer_of(std::initializer_list<std::string_view> keys) {
  std::string out;
  for (std::string_view key : keys) {
    append_pointer_segment(out, key);
  }
  return out;
}

TEST_SUITE("core::json_pointer") {

  TEST_CASE("segments are escaped as RFC 6901 asks") {
    CHECK(pointer_of({"a", "b"}) == "/a/b");
    CHECK(pointer_of({"a/b"}) == "/a~1b");
    CHECK(pointer_of({"m~n"}) == "/m~0n");
    // "~1" in a key is a tilde then a one, not a slash.
    CHECK(pointer_of({"~1"}) == "/~01");
    CHECK(pointer_of({"/~"}) == "/~1~0");
    CHECK(pointer_of({""}) == "/");
    CHECK(pointer_of({"", ""}) == "//");
    CHECK(pointer_of({"é ü"}) == "/é ü");
  }

  TEST_CASE("indices are decimal segments") {
    std::string p;
    append_pointer_segment(p, "messages");
    append_pointer_index(p, 0);
    append_pointer_segment(p, "content");
    append_pointer_index(p, 12);
    CHECK(p == "/messages/0/content/12");
  }

  TEST_CASE("last_key_segment unescapes the last key, skipping indices") {
    CHECK(last_key_segment("/a/b~1c") == "b/c");
    CHECK(last_key_segment("/a/m~0n") == "m~n");
    CHECK(last_key_segment("/a/~01") == "~1");
    CHECK(last_key_segment("/x/api_key") == "api_key");
    CHECK(last_key_segment("/messages/3") == "messages");
    CHECK(last_key_segment("/a/") == "");
    CHECK(last_key_segment("") == "");
    CHECK(last_key_segment("/only") == "only");
    CHECK(last_key_segment("/api_keys/0/1") == "api_keys");
    CHECK(last_key_segment("/0") == "0");
    CHECK(last_key_segment("/a/b~") == "b~");
    CHECK(last_key_segment("/a/~1~1/2") == "//");
    CHECK(last_key_segment("/a/1x") == "1x"); // not an index
  }

  TEST_CASE("last_key_segment into a buffer replaces what it held") {
    std::string key = "a much longer key than the next one";
    last_key_segment("/x/k~0", key);
    CHECK(key == "k~");
    last_key_segment("/messages/0", key);
    CHECK(key == "messages");
  }

  TEST_CASE("last_key_segment round-trips append_pointer_segment") {
    for (std::string_view key :
         {"plain", "a/b", "m~n", "~1", "/~0/", "", "~"}) {
      std::string p = "/root";
      append_pointer_segment(p, key);
      CHECK(last_key_segment(p) == key);
    }
  }

  TEST_CASE("a pattern must be empty or start with a slash") {
    CHECK_THROWS_AS(PointerPattern("messages"), UsageError);
    CHECK_THROWS_WITH(PointerPattern("a/b"),
                      "--field a/b: a JSON Pointer starts with '/'");
    CHECK_NOTHROW(PointerPattern(""));
    CHECK_NOTHROW(PointerPattern("/"));
  }

  TEST_CASE("a literal pattern selects its node and everything below it") {
    PointerPattern p("/messages/0/content");
    CHECK(p.matches("/messages/0/content"));
    CHECK(p.matches("/messages/0/content/0/text"));
    CHECK_FALSE(p.matches("/messages/0"));
    CHECK_FALSE(p.matches("/messages/1/content"));
    CHECK_FALSE(p.matches("/messages/0/contents"));
    CHECK_FALSE(p.matches("/messages/0/conten"));
    CHECK_FALSE(p.matches(""));
  }

  TEST_CASE("the empty pattern selects the whole document") {
    PointerPattern p("");
    CHECK(p.matches(""));
    CHECK(p.matches("/a"));
    CHECK(p.matches("/a/b/c"));
  }

  TEST_CASE("a pattern is compared in escaped form") {
    PointerPattern p("/a~1b");
    CHECK(p.matches("/a~1b"));
    CHECK(p.matches("/a~1b/c"));
    CHECK_FALSE(p.matches("/a/b"));
    PointerPattern tilde("/m~0n/x");
    CHECK(tilde.matches(pointer_of({"m~n", "x"})));
  }

  TEST_CASE("* matches exactly one key or index") {
    PointerPattern p("/messages/*/content");
    CHECK(p.matches("/messages/0/content"));
    CHECK(p.matches("/messages/17/content"));
    CHECK(p.matches("/messages/x/content/0/text"));
    CHECK_FALSE(p.matches("/messages/content"));
    CHECK_FALSE(p.matches("/messages/0/1/content"));
    CHECK_FALSE(p.matches("/messages/0/role"));
    CHECK_FALSE(p.matches("/messages"));

    PointerPattern any_top("/*");
    CHECK(any_top.matches("/a"));
    CHECK(any_top.matches("/a/b"));
    CHECK_FALSE(any_top.matches(""));
  }

  TEST_CASE("** matches any number of segments, including none") {
    PointerPattern p("/**/text");
    CHECK(p.matches("/text"));
    CHECK(p.matches("/a/text"));
    CHECK(p.matches("/messages/0/content/1/text"));
    CHECK(p.matches("/a/text/b")); // below a selected node
    CHECK_FALSE(p.matches("/a/texts"));
    CHECK_FALSE(p.matches("/a/b"));

    PointerPattern mid("/messages/**/text");
    CHECK(mid.matches("/messages/text"));
    CHECK(mid.matches("/messages/0/content/0/text"));
    CHECK_FALSE(mid.matches("/choices/0/text"));

    PointerPattern all("/**");
    CHECK(all.matches(""));
    CHECK(all.matches("/a/b"));

    // Backtracking: the first "text" is not the one that completes the match.
    PointerPattern two("/**/text/**/x");
    CHECK(two.matches("/text/a/text/b/x"));
    CHECK_FALSE(two.matches("/text/a/text/b/y"));
  }

} // TEST_SUITE

} // namespace
} // namespace veil
