#include "random_text.hpp"
#include "rules/catalog.hpp"
#include "scanner/anchor_windows.hpp"
#include "scanner/barrier_segments.hpp"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

namespace veil {
namespace {

using Spans = std::vector<std::pair<size_t, size_t>>;

// The scanner's loop over successive matches, between two offsets: the
// spans of capture group `group` where it is set and not empty (what can
// give a finding).
void matches_between(const RE2& re, int group, const std::string& text,
                     size_t from, size_t to, Spans& out) {
  re2::StringPiece whole(text);
  std::vector<re2::StringPiece> m(size_t(group) + 1);
  size_t pos = from;
  while (pos <= to &&
         re.Match(whole, pos, to, RE2::UNANCHORED, m.data(), group + 1)) {
    size_t end = m[0].data() - text.data() + m[0].size();
    pos = m[0].empty() ? end + 1 : end;
    if (!m[size_t(group)].empty()) {
      size_t start = m[size_t(group)].data() - text.data();
      out.emplace_back(start, start + m[size_t(group)].size());
    }
  }
}

// As Scanner::find_windowed() searches: the anchor windows, or the whole
// text, cut into segments between barriers when that is useful.
Spans windowed_matches(const RE2& re, int group, const AnchorNeed& need,
                       const SegmentNeed& segment_need,
                       const std::string& text) {
  AnchorWindows windows;
  windows.reset(text);
  std::vector<Window> list;
  if (!windows.windows(need, list)) {
    list.assign(1, Window{0, uint32_t(text.size())});
  }
  if (segment_need.useful) {
    std::vector<Window> segments;
    for (const Window& w : list) {
      finding_segments(text, w, segment_need, segments);
    }
    list = std::move(segments);
  }
  Spans out;
  for (const Window& w : list) {
    matches_between(re, group, text, w.start, w.end, out);
  }
  return out;
}

Spans whole_matches(const RE2& re, int group, const std::string& text) {
  Spans out;
  matches_between(re, group, text, 0, text.size(), out);
  return out;
}

// The windows of a text where windowing pays (it must here).
std::vector<Window> windows_of(const AnchorNeed& need, std::string_view text) {
  AnchorWindows windows;
  windows.reset(text);
  std::vector<Window> list;
  REQUIRE(windows.windows(need, list));
  return list;
}

TEST_SUITE("anchor_windows") {
  TEST_CASE("clusters of anchors, reached into by lead and trail") {
    AnchorNeed need{AnchorNeed::Kind::digit, 3, 2, 1, 1};
    std::string text(400, 'x');
    text.replace(100, 5, "1 2 3"); // a cluster of three
    text.replace(300, 3, "4x5");   // two: too few
    std::vector<Window> list = windows_of(need, text);
    REQUIRE(list.size() == 1);
    CHECK(list[0].start == 98);
    CHECK(list[0].end == 106);
  }

  TEST_CASE("no anchors: no window; anchors everywhere: the whole text") {
    AnchorNeed need{AnchorNeed::Kind::digit, 1, 0, 0, 0};
    AnchorWindows windows;
    std::vector<Window> list;
    windows.reset("no digits here at all");
    CHECK(windows.windows(need, list));
    CHECK(list.empty());
    windows.reset("1234567890");
    CHECK_FALSE(windows.windows(need, list));
    CHECK_FALSE(windows.windows(AnchorNeed{}, list));
  }

  TEST_CASE("non-ASCII anchors") {
    AnchorNeed need{AnchorNeed::Kind::non_ascii, 1, 0, 0, 0};
    std::string text =
        std::string(200, 'a') + "\xF3\xA0\x80\x81" + std::string(200, 'b');
    std::vector<Window> list = windows_of(need, text);
    REQUIRE(list.size() == 1);
    CHECK(list[0].start == 200);
    CHECK(list[0].end == 204);
  }

  TEST_CASE("capitals as anchors") {
    AnchorNeed need{AnchorNeed::Kind::upper, 4, 0, 0, 1};
    std::string text = "An Example with one ID: ABCD1234EF and More Words here";
    std::vector<Window> list = windows_of(need, text);
    REQUIRE(list.size() == 1);
    CHECK(text.substr(list[0].start, list[0].end - list[0].start) == "ABCD");
  }

  TEST_CASE("a window without a cluster of a finding's anchors is left out") {
    // As for \d+(?:\.\d+)+|(\d{9}): the decimals are decoys.
    AnchorNeed need{AnchorNeed::Kind::digit, 1, 0, 0, 1, 9};
    const std::string far(100, ' ');
    std::string text =
        "pi is 3.14159" + far + "the id is 123456789" + far + "v1.2.3" + far;
    std::vector<Window> list = windows_of(need, text);
    REQUIRE(list.size() == 1);
    CHECK(text.substr(list[0].start, list[0].end - list[0].start) ==
          "123456789");
    // Merged with a small cluster, the window stays, all of it.
    text = "code 123456789 v1.2" + far;
    list = windows_of(need, text);
    REQUIRE(list.size() == 1);
    CHECK(text.substr(list[0].start, list[0].end - list[0].start) ==
          "123456789 v1.2");
    // No cluster large enough: no window at all.
    CHECK(windows_of(need, "3.14 and 2.71" + far).empty());
  }

  TEST_CASE("every built-in rule: the same findings in windows and "
            "segments as in the whole text") {
    Catalog catalog = load_catalog(CatalogOptions{});
    std::mt19937 rng(7);
    size_t windowed_rules = 0;
    size_t segmented_rules = 0;
    for (const RuleSpec& rule : catalog.rules) {
      std::optional<RegexShape> shape = regex_shape(rule.regex, rule.group);
      if (!shape) {
        continue;
      }
      AnchorNeed need = AnchorNeed::of(*shape);
      SegmentNeed segment_need = SegmentNeed::of(*shape);
      if (need.kind == AnchorNeed::Kind::none && !segment_need.useful) {
        continue;
      }
      windowed_rules += need.kind != AnchorNeed::Kind::none;
      segmented_rules += segment_need.useful;
      RE2::Options options; // as compiled_rule.cpp compiles them
      options.set_max_mem(64 << 20);
      options.set_log_errors(false);
      RE2 re(rule.regex, options);
      REQUIRE(re.ok());
      for (const std::string& text : rule_texts(rng, rule)) {
        CHECK_MESSAGE(
            windowed_matches(re, rule.group, need, segment_need, text) ==
                whole_matches(re, rule.group, text),
            rule.id, ": ", text);
      }
    }
    CHECK(windowed_rules > 20);
    CHECK(segmented_rules > 20);
  }
}

} // namespace
} // namespace veil
