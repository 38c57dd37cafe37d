#include "scanner/barrier_segments.hpp"

#include <doctest/doctest.h>

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

TEST_SUITE("barrier_segments") {
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
