#include "scanner/field_cache.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace veil {
namespace {

using Key = FieldCache::Key;

// One field's look-up: a group of one.
FieldCache::Lookup find_one(FieldCache& cache, const Key& key) {
  std::vector<FieldCache::Lookup> found;
  cache.find(std::span<const Key>(&key, 1), found);
  return found.front();
}

// What find() says, after storing the matches it asks for.
struct Seen {
  bool cached = false;
  bool store = false;
};

Seen meet(FieldCache& cache, const Key& key,
          const std::vector<Match>& matches = {}) {
  FieldCache::Lookup found = find_one(cache, key);
  if (found.store) {
    cache.store(key, found.hash, matches);
  }
  return {found.matches != nullptr, found.store};
}

TEST_SUITE("scanner::field_cache") {

  TEST_CASE("a text is stored on its second sighting and found on its "
            "third") {
    FieldCache cache;
    Key key{"You are a helpful assistant.", "content", "", Direction::system};
    std::vector<Match> matches{Match{nullptr, 7, 4, 9, 0.8, Severity::high}};
    Seen first = meet(cache, key, matches);
    CHECK_FALSE(first.cached);
    CHECK_FALSE(first.store);
    Seen second = meet(cache, key, matches);
    CHECK_FALSE(second.cached);
    CHECK(second.store);
    FieldCache::Lookup third = find_one(cache, key);
    REQUIRE(third.matches != nullptr);
    REQUIRE(third.matches->size() == 1);
    const Match& m = third.matches->front();
    CHECK(m.field == 0); // the caller's field index goes back in
    CHECK(m.start == 4);
    CHECK(m.end == 9);
    CHECK(m.confidence == doctest::Approx(0.8));
    // The text's buffer and the match; "content" fits inside its string.
    CHECK(cache.bytes() == key.text.size() + sizeof(Match));
  }

  TEST_CASE("a text with no matches is remembered too") {
    FieldCache cache;
    Key key{"hello", "content", "", Direction::input};
    meet(cache, key);
    meet(cache, key);
    FieldCache::Lookup found = find_one(cache, key);
    REQUIRE(found.matches != nullptr);
    CHECK(found.matches->empty());
  }

  TEST_CASE("key, direction and model hint each tell texts apart") {
    FieldCache cache;
    Key key{"call me at 555 0100", "content", "gpt-4o", Direction::input};
    meet(cache, key);
    meet(cache, key);
    REQUIRE(find_one(cache, key).matches != nullptr);
    Key other_key = key;
    other_key.json_key = "phone";
    Key other_direction = key;
    other_direction.direction = Direction::output;
    Key other_model = key;
    other_model.model_hint = "deepseek-chat";
    Key other_text = key;
    other_text.text = "call me at 555 0101";
    for (const Key& k : {other_key, other_direction, other_model, other_text}) {
      CHECK(find_one(cache, k).matches == nullptr);
    }
    CHECK(find_one(cache, key).matches != nullptr);
  }

  TEST_CASE("texts over the size limit are never stored") {
    FieldCache cache;
    std::string text(FieldCache::k_max_text + 1, 'a');
    Key key{text, "content", "", Direction::input};
    for (int i = 0; i < 3; ++i) {
      Seen seen = meet(cache, key);
      CHECK_FALSE(seen.cached);
      CHECK_FALSE(seen.store);
    }
    CHECK(cache.bytes() == 0);
  }

  TEST_CASE("the bytes held stay within the budget") {
    FieldCache cache;
    const size_t n = 2 * FieldCache::k_max_bytes / FieldCache::k_max_text;
    std::vector<std::string> texts;
    for (size_t i = 0; i < n; ++i) {
      texts.push_back(std::to_string(i) +
                      std::string(FieldCache::k_max_text - 8, 'x'));
    }
    size_t cached = 0;
    for (int pass = 0; pass < 3; ++pass) {
      for (const std::string& text : texts) {
        cached +=
            meet(cache, Key{text, "content", "", Direction::input}).cached;
        CHECK(cache.bytes() <= FieldCache::k_max_bytes);
      }
    }
    CHECK(cache.bytes() > FieldCache::k_max_bytes / 2);
    CHECK(cached > 0);
    CHECK(cached < n); // the budget held only part of them
  }

  TEST_CASE("a slot given a shorter text lets go of the longer one's memory") {
    // Long texts fill the budget; many short ones then take their slots.
    // The count is of what the entries hold, so a slot that kept the long
    // text's buffer would keep the count near the budget.
    FieldCache cache;
    const size_t n = FieldCache::k_max_bytes / FieldCache::k_max_text;
    for (int pass = 0; pass < 2; ++pass) {
      for (size_t i = 0; i < n; ++i) {
        const std::string text =
            std::to_string(i) + std::string(FieldCache::k_max_text - 8, 'y');
        meet(cache, Key{text, "content", "", Direction::input});
      }
    }
    CHECK(cache.bytes() > FieldCache::k_max_bytes / 2);
    for (int pass = 0; pass < 2; ++pass) {
      for (size_t i = 0; i < 200000; ++i) {
        // Short enough to fit inside a std::string, which moved into one
        // with a buffer would be copied into that buffer.
        const std::string text = "s" + std::to_string(i);
        meet(cache, Key{text, "content", "", Direction::input});
        if (i % 4096 == 0) { // bytes() walks every slot
          CHECK(cache.bytes() <= FieldCache::k_max_bytes);
        }
      }
    }
    // Each short text that took a long one's slot gave back its 16 KiB; a
    // few long ones may be left in slots no short text reached.
    CHECK(cache.bytes() < FieldCache::k_max_bytes / 4);
  }

  TEST_CASE("a group's look-ups at once say what one at a time say") {
    // Repeats within a group and across groups, texts that share a slot
    // (more texts than slots), and one too long to store.
    std::vector<std::string> texts;
    for (int i = 0; i < 6000; ++i) {
      texts.push_back("text " + std::to_string(i * 7919 % 6007));
    }
    texts.push_back(std::string(FieldCache::k_max_text + 1, 'z'));
    FieldCache one_by_one;
    FieldCache grouped;
    std::vector<FieldCache::Lookup> found;
    size_t cached = 0;
    uint32_t next = 1;
    for (int group = 0; group < 400; ++group) {
      std::vector<Key> keys;
      for (int k = 0; k < 1 + group % 70; ++k) {
        next = next * 1103515245u + 12345u;
        const std::string& text =
            texts[(next >> 8) % (group < 200 ? 300 : texts.size())];
        keys.push_back(
            {text, (next & 1) ? "content" : "text", "", Direction::input});
      }
      grouped.find(keys, found);
      REQUIRE(found.size() == keys.size());
      for (size_t i = 0; i < keys.size(); ++i) {
        const FieldCache::Lookup expected = find_one(one_by_one, keys[i]);
        CHECK(found[i].hash == expected.hash);
        CHECK(found[i].store == expected.store);
        REQUIRE((found[i].matches == nullptr) == (expected.matches == nullptr));
        if (expected.matches != nullptr) {
          ++cached;
          REQUIRE(found[i].matches->size() == 1);
          CHECK(found[i].matches->front().start == uint32_t(expected.hash));
        }
      }
      for (size_t i = 0; i < keys.size(); ++i) {
        const std::vector<Match> matches{
            Match{nullptr, 0, uint32_t(found[i].hash), 0, 0.5, Severity::low}};
        if (found[i].store) {
          grouped.store(keys[i], found[i].hash, matches);
          one_by_one.store(keys[i], found[i].hash, matches);
        }
      }
    }
    CHECK(cached > 1000);
  }

  TEST_CASE("matches count in the budget: texts dense with findings") {
    FieldCache cache;
    std::vector<Match> many(2000, Match{nullptr, 0, 1, 2, 0.5, Severity::low});
    size_t stored = 0;
    for (int i = 0; i < 400; ++i) {
      const std::string text = "phone list " + std::to_string(i);
      Key key{text, "content", "", Direction::input};
      meet(cache, key, many);
      meet(cache, key, many); // stored here, when it fits
      stored += meet(cache, key).cached;
      CHECK(cache.bytes() <= FieldCache::k_max_bytes);
    }
    CHECK(stored > 0);
    CHECK(stored < 400);
  }

} // TEST_SUITE

} // namespace
} // namespace veil
