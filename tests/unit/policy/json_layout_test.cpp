#include "core/json_string.hpp"
#include "policy/json_layout.hpp"

#include <doctest/doctest.h>

namespace veil::policy {
namespace {

TEST_SUITE("policy::json_layout") {
  TEST_CASE("nodes in document order with pointers and spans") {
    std::string_view line = R"({"a": [1, "x"], "b/c": {"~": true}})";
    std::vector<Node> nodes;
    REQUIRE(parse_layout(line, nodes));
    REQUIRE(nodes.size() == 6);
    CHECK(nodes[0].pointer.empty());
    CHECK(nodes[1].pointer == "/a");
    CHECK(line.substr(nodes[1].member_begin, 3) == "\"a\"");
    CHECK(line.substr(nodes[1].begin, nodes[1].end - nodes[1].begin) ==
          "[1, \"x\"]");
    CHECK(nodes[2].pointer == "/a/0");
    CHECK(nodes[3].kind == NodeKind::string);
    CHECK(nodes[4].pointer == "/b~1c");
    CHECK(nodes[5].pointer == "/b~1c/~0");
    CHECK(nodes[5].parent == 4);
    CHECK(nodes[5].depth == 2);
  }

  TEST_CASE("keys are unescaped before they become pointer segments") {
    CHECK(unescape_json(R"(a\"b\\c\/d\n)") == "a\"b\\c/d\n");
    CHECK(unescape_json(R"(\u00e9)") == "\xc3\xa9");
    CHECK(unescape_json(R"(\ud83d\ude00)") == "\xf0\x9f\x98\x80");
  }

  TEST_CASE("not the JSON the reader accepted") {
    std::vector<Node> nodes;
    CHECK_FALSE(parse_layout("{\"a\":1", nodes));
    CHECK_FALSE(parse_layout("{} x", nodes));
  }
}

} // namespace
} // namespace veil::policy
