#include "core/errors.hpp"
#include "policy/pointer_glob.hpp"

#include <doctest/doctest.h>

namespace veil::policy {
namespace {

TEST_SUITE("policy::pointer_glob") {
  TEST_CASE("a glob names a node and what is below it") {
    PointerGlob g("/metadata/user_email");
    CHECK(g.match_depth("/metadata/user_email") == 2);
    CHECK(g.match_depth("/metadata/user_email/0") == 2);
    CHECK(g.match_depth("/metadata") == -1);
    CHECK(g.match_depth("/metadata/user_emails") == -1);
  }

  TEST_CASE("* matches one segment or a run inside one") {
    CHECK(
        PointerGlob("/messages/*/content").match_depth("/messages/3/content") ==
        3);
    CHECK(PointerGlob("/messages/*/content").match_depth("/messages/content") ==
          -1);
    CHECK(PointerGlob("/metadata/user_*").match_depth("/metadata/user_ip") ==
          2);
    CHECK(PointerGlob("/metadata/user_*").match_depth("/metadata/ip") == -1);
    CHECK(PointerGlob("/a/*x*").match_depth("/a/box") == 2);
  }

  TEST_CASE("** matches any number of segments, with or without the slash") {
    PointerGlob g("**/user_email");
    CHECK(g.match_depth("/user_email") == 1);
    CHECK(g.match_depth("/a/b/user_email") == 3);
    CHECK(g.match_depth("/a/b/user_email/x") == 3);
    CHECK(g.match_depth("/a/b") == -1);
    CHECK(PointerGlob("/a/**").match_depth("/a/b/c") == 3);
  }

  TEST_CASE("escaped segments: / is ~1 and ~ is ~0") {
    CHECK(PointerGlob("/a~1b/c~0d").match_depth("/a~1b/c~0d") == 2);
    CHECK(PointerGlob("/a~1b").match_depth("/a/b") == -1);
  }

  TEST_CASE("could_match_below tells allow mode to walk into a container") {
    PointerGlob g("/messages/*/content");
    CHECK(g.could_match_below(""));
    CHECK(g.could_match_below("/messages"));
    CHECK(g.could_match_below("/messages/0"));
    CHECK_FALSE(g.could_match_below("/messages/0/content"));
    CHECK_FALSE(g.could_match_below("/metadata"));
    CHECK(PointerGlob("**/email").could_match_below("/x/y"));
  }

  TEST_CASE("a path must be a pointer") {
    CHECK_THROWS_AS(PointerGlob("metadata"), UsageError);
    CHECK_NOTHROW(PointerGlob(""));
  }
}

} // namespace
} // namespace veil::policy
