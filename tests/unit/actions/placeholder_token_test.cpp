#include "actions/placeholder_token.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

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

  // Texts of brackets, token bodies and tokens, some cut short.
  std::string random_text(std::mt19937 & rng) {
    static const std::vector<std::string> pieces = {
        "[",
        "]",
        "A",
        "_",
        "1",
        ":",
        " ",
        "x",
        "enc",
        "[EMAIL_ADDRESS_3]",
        "[E:enc:AAAAAAAAAAAAAAAAAAAAAA]",
        "[US_SSN:0123456789abcdef]",
        "[PERSON_",
        "[X:enc:AA"};
    std::string text;
    const size_t count = rng() % 40;
    for (size_t i = 0; i < count; ++i) {
      text += pieces[rng() % pieces.size()];
    }
    return text;
  }

  TEST_CASE("a probe answers as a fresh look does, over rising and falling "
            "starts and two texts in turn") {
    std::mt19937 rng(7);
    size_t inside = 0;
    for (int round = 0; round < 2000; ++round) {
      const std::string texts[2] = {random_text(rng), random_text(rng)};
      PlaceholderProbe probe;
      size_t start[2] = {0, 0};
      for (int query = 0; query < 30; ++query) {
        const size_t t = rng() % 4 == 0 ? 1 : 0;
        const std::string& text = texts[t];
        if (text.empty()) {
          continue;
        }
        // Mostly rising, as a rule's matches come; now and then from the
        // start again, as the next rule's do.
        start[t] = rng() % 5 == 0
                       ? rng() % text.size()
                       : std::min(text.size() - 1, start[t] + rng() % 6);
        const size_t end = start[t] + 1 + rng() % 8;
        const bool expected = within_placeholder_token(text, start[t], end);
        inside += expected ? 1 : 0;
        CHECK(probe.within(text, start[t], end) == expected);
      }
    }
    CHECK(inside > 100); // the texts do hold tokens around the spans
  }

} // TEST_SUITE

} // namespace
} // namespace veil
