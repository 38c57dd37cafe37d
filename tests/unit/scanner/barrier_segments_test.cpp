#include "random_text.hpp"
#include "scanner/barrier_segments.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

namespace veil {
namespace {

SegmentNeed need_of(std::string_view regex, int group = 0) {
  std::optional<RegexShape> shape = regex_shape(regex, group);
  REQUIRE(shape);
  return SegmentNeed::of(*shape);
}

std::vector<std::string> segments_of(const SegmentNeed& need,
                                     const std::string& text) {
  std::vector<Window> list;
  finding_segments(text, Window{0, uint32_t(text.size())}, need, list);
  std::vector<std::string> out;
  for (const Window& w : list) {
    out.push_back(text.substr(w.start, w.end - w.start));
  }
  return out;
}

// The segments by a look at every byte: every run of held bytes with a
// finding's counts (and a must byte, when one is needed), merged as
// finding_segments() merges them.
std::vector<std::string> every_byte_segments(const SegmentNeed& need,
                                             const std::string& text) {
  std::vector<std::pair<size_t, size_t>> runs;
  for (size_t i = 0; i < text.size();) {
    auto held = [&](size_t k) { return need.held[uint8_t(text[k])] != 0; };
    if (!held(i)) {
      ++i;
      continue;
    }
    size_t end = i;
    MinCounts has;
    bool must = false;
    for (; end < text.size() && held(end); ++end) {
      const auto c = uint8_t(text[end]);
      has.digits += c >= '0' && c <= '9';
      has.upper += c >= 'A' && c <= 'Z';
      has.non_ascii += c >= 0x80;
      must = must || (need.held[c] & SegmentNeed::k_must) != 0;
    }
    const MinCounts& f = need.finding;
    if (has.digits >= f.digits && has.upper >= f.upper &&
        has.non_ascii >= f.non_ascii && int(end - i) >= f.bytes &&
        (must || !need.needs_must)) {
      if (!runs.empty() && i <= runs.back().second + 64) {
        runs.back().second = end;
      } else {
        runs.emplace_back(i, end);
      }
    }
    i = end;
  }
  std::vector<std::string> out;
  for (auto [start, end] : runs) {
    out.push_back(text.substr(start, end - start));
  }
  return out;
}

TEST_SUITE("barrier_segments") {
  TEST_CASE("segments sought from the digits, non-ASCII bytes, capitals or "
            "must bytes a finding holds are those of every byte") {
    std::mt19937 rng(11);
    const char* regexes[] = {
        R"(\d{3}-\d{2}-\d{4})",              // digits
        R"([\p{Han}]{2,}[0-9a-z ]*)",        // non-ASCII bytes
        R"([A-Z][a-z]+ [A-Z][a-z]+)",        // capitals
        R"((?i:name)[ \t]*[:=][ \t]*(\w+))", // a must byte: ':' or '='
        R"([:=]\p{Lu}[ a-z]{4,})",           // must bytes and capitals
        R"([-:=#/][A-Z]\d)",                 // digits, one of five bytes
        R"([a-z]{10,}@[a-z]+)",              // a length: every byte
    };
    for (const char* regex : regexes) {
      SegmentNeed need = need_of(regex, 0);
      REQUIRE_MESSAGE(need.useful, std::string(regex));
      for (int i = 0; i < 300; ++i) {
        std::string text;
        for (int k = 0; k < 4; ++k) {
          text +=
              random_text(rng, {"Ann Lee", "name: Bob", "123-45-6789", "#B2",
                                "abcdefghijkl@mn", "\xE4\xB8\xAD\xE6\x96\x87"});
        }
        CHECK_MESSAGE(segments_of(need, text) ==
                          every_byte_segments(need, text),
                      regex, ": ", text);
      }
    }
  }

  TEST_CASE("bytes no match holds are barriers; a segment needs a finding's "
            "counts") {
    // Decimals are decoys; a finding is nine digits.
    SegmentNeed need = need_of(R"(\d+(?:\.\d+)+|(\d{3}-\d{2}-\d{4}))", 1);
    CHECK(need.useful);
    CHECK(need.finding.digits == 9);
    const std::string far(80, 'x'); // 'x' is a barrier too
    CHECK(segments_of(need, "pi: 3.14159" + far + "id: 123-45-6789!" + far) ==
          std::vector<std::string>{"123-45-6789"});
    CHECK(segments_of(need, "no digits at all").empty());
  }

  TEST_CASE("a segment needs one of the bytes every finding holds") {
    // A name after a label and ':' or '='; the line break is the only
    // barrier, and a line without ':' or '=' gives no finding.
    SegmentNeed need =
        need_of(R"((?i:name)[ \t]*[:=][ \t]*(\p{Lu}\p{Ll}+))", 1);
    CHECK(need.useful);
    CHECK(need.must_first);
    const std::string far(80, ' ');
    CHECK(segments_of(need, "my name is Bob" + far + "\nname: Bob" + far +
                                "\nno label, Name here" + far) ==
          std::vector<std::string>{"name: Bob" + far});
    CHECK(segments_of(need, "Title: Dr\nName = Ann\n") ==
          std::vector<std::string>{"Title: Dr\nName = Ann"}); // merged
    CHECK(segments_of(need, "no label at all").empty());
    // Five and more such bytes: every byte is looked at, as for counts.
    SegmentNeed many = need_of(R"([-:=#/][A-Z]\d)");
    CHECK(many.needs_must);
    CHECK_FALSE(many.must_first);
    CHECK(segments_of(many, "AB12" + far + "#B2") ==
          std::vector<std::string>{"#B2"});
    // A set with a lowercase letter or white space is no filter.
    CHECK_FALSE(need_of(R"([:b]\d)").needs_must);
  }

  TEST_CASE("segments closer than a search call is worth are merged") {
    SegmentNeed need = need_of(R"(\d{3}-\d{4})");
    CHECK(segments_of(need, "call 555-1234 or 555-9876") ==
          std::vector<std::string>{"555-1234 or 555-9876"});
  }

  TEST_CASE("not useful when barriers are rare or a finding needs only a "
            "length") {
    CHECK_FALSE(need_of(R"([^\n]*)").useful);         // only line breaks
    CHECK_FALSE(need_of(R"((?i)ignore all)").useful); // needs no digit
    CHECK(need_of(R"(\S{10,}@\S+)").useful); // words of ten bytes or more
  }

  TEST_CASE("Unicode properties: their ASCII members are exact") {
    std::optional<RegexShape> shape = regex_shape(R"(\p{Lu}\p{Ll}+ \d)");
    REQUIRE(shape);
    CHECK(shape->bytes['A']);
    CHECK(shape->bytes['z']);
    CHECK(shape->bytes[0xC3]);
    CHECK_FALSE(shape->bytes['_']);
    CHECK_FALSE(shape->bytes['"']);
    std::optional<RegexShape> negated = regex_shape(R"(\P{L})");
    REQUIRE(negated);
    CHECK_FALSE(negated->bytes['a']);
    CHECK(negated->bytes['1']);
    CHECK(negated->bytes[0xC3]);
  }
}

} // namespace
} // namespace veil
