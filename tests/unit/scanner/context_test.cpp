#include "rule_util.hpp"
#include "scanner/context.hpp"

#include <doctest/doctest.h>

namespace veil {
namespace {

using test::make_field;

ContextSpec words(std::vector<std::string> w, int window = 64) {
  ContextSpec c;
  c.words = std::move(w);
  c.window = window;
  return c;
}

TEST_SUITE("scanner::context") {
  TEST_CASE("where = key looks only at the key; not_keys veto a key") {
    Record record;
    ContextSpec c = words({"secret", "token"});
    c.where = "key";
    c.not_keys = {"public", "_id"};
    CHECK(has_context(c, record, make_field("a8f9", "/client_secret"), 0, 4));
    CHECK_FALSE(
        has_context(c, record, make_field("token a8f9", "/note"), 6, 10));
    CHECK_FALSE(has_context(c, record, make_field("a8f9", "/token_id"), 0, 4));
    CHECK_FALSE(
        has_context(c, record, make_field("a8f9", "/public_token"), 0, 4));
  }

  TEST_CASE("contains_word_ci") {
    CHECK(contains_word_ci("My API_KEY is", "api_key"));
    CHECK(contains_word_ci("api", "API"));
    CHECK_FALSE(contains_word_ci("ap i", "api"));
    CHECK_FALSE(contains_word_ci("", "x"));
    CHECK_FALSE(contains_word_ci("ab", "abc"));
    // A substring, not a whole word.
    CHECK(contains_word_ci("monkey", "key"));
    // Only ASCII folds.
    CHECK_FALSE(contains_word_ci("\xC3\x89T\xC3\x89", "\xC3\xA9t\xC3\xA9"));
  }

  TEST_CASE("no words: never context") {
    Record record;
    record.model_hint = "anything";
    Field f = make_field("text", "/password");
    CHECK_FALSE(has_context(ContextSpec{}, record, f, 0, 4));
  }

  TEST_CASE("the window around the match, in bytes") {
    Record record;
    // 0         1         2
    // 0123456789012345678901234
    // token: ABCDEFGH end
    Field f = make_field("token: ABCDEFGH end");
    CHECK(has_context(words({"token"}, 7), record, f, 7, 15));
    CHECK_FALSE(has_context(words({"token"}, 6), record, f, 7, 15));
    CHECK(has_context(words({"end"}, 4), record, f, 7, 15));
    CHECK_FALSE(has_context(words({"end"}, 3), record, f, 7, 15));
    // Window 0 still sees the match itself.
    CHECK(has_context(words({"cdef"}, 0), record, f, 7, 15));
    // A window larger than the text is clamped.
    CHECK(has_context(words({"token", "zzz"}, 1000), record, f, 7, 15));
  }

  TEST_CASE("the key holding the value and the model hint are context") {
    Record record;
    Field keyed = make_field("v", "/config/OpenAI_Api_Key");
    CHECK(has_context(words({"api_key"}), record, keyed, 0, 1));
    // Array indices are skipped: the key is the array's.
    Field array = make_field("v", "/api_keys/0");
    CHECK(has_context(words({"api_key"}), record, array, 0, 1));

    Field text = make_field("v");
    CHECK_FALSE(has_context(words({"deepseek"}), record, text, 0, 1));
    record.model_hint = "deepseek-reasoner ";
    CHECK(has_context(words({"deepseek"}), record, text, 0, 1));
  }

} // TEST_SUITE

} // namespace
} // namespace veil
