#include "actions/placeholder_token.hpp"

#include <doctest/doctest.h>

#include <string>

namespace veil {
namespace {

TEST_SUITE("actions::placeholder_token") {

  TEST_CASE("the three shapes redact writes, and nothing else") {
    CHECK(looks_like_placeholder_token("[EMAIL_ADDRESS_12]"));
    CHECK(looks_like_placeholder_token("[US_SSN:0123456789abcdef]"));
    CHECK(looks_like_placeholder_token("[E:enc:AAAAAAAAAAAAAAAAAAAAAA]"));
    CHECK_FALSE(looks_like_placeholder_token("[email_1]"));
    CHECK_FALSE(looks_like_placeholder_token("[E_]"));
    CHECK_FALSE(looks_like_placeholder_token("[E:0123]"));
    CHECK_FALSE(looks_like_placeholder_token("[E:0123456789ABCDEF]"));
    CHECK_FALSE(looks_like_placeholder_token("[e:enc:AAAAAAAAAAAAAAAAAAAAAA]"));
    CHECK_FALSE(looks_like_placeholder_token("[1]"));
    CHECK_FALSE(looks_like_placeholder_token("E_1"));
  }

  TEST_CASE("within_placeholder_token: spans inside a token only") {
    const std::string text =
        "key [SECRET:enc:GDCkAAAAAAAAAAAAAAAAAAAAAAAA] and GDCkAAAAAAAAAAAA";
    size_t body = text.find("GDCk");
    CHECK(within_placeholder_token(text, body, body + 20));
    // The whole token, brackets included.
    CHECK(within_placeholder_token(text, text.find('['), text.find(']') + 1));
    size_t outside = text.rfind("GDCk");
    CHECK_FALSE(within_placeholder_token(text, outside, outside + 8));
    CHECK_FALSE(within_placeholder_token(text, 0, 3));
    // A span that runs past the closing bracket is not inside.
    CHECK_FALSE(within_placeholder_token(text, body, outside + 2));
    CHECK_FALSE(within_placeholder_token("[x] abc", 4, 6));
    CHECK_FALSE(within_placeholder_token("[sk-abcdefghijklmnop]", 1, 20));
  }

} // TEST_SUITE

} // namespace
} // namespace veil
