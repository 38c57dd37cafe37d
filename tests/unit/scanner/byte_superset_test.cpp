#include "rules/catalog.hpp"
#include "scanner/byte_superset.hpp"
#include "scanner/finding_pattern.hpp"

#include <doctest/doctest.h>
#include <re2/re2.h>

#ifdef VEIL_HAVE_VECTORSCAN
#include <hs.h>
#endif

#include <algorithm>
#include <string>

namespace veil {
namespace {

// Runs a rewritten pattern as bytes with RE2 in Latin-1 mode (one byte,
// one character; the rewrite uses only syntax it shares with Vectorscan),
// as CompiledRule runs it (latin1_re2_pattern()).
bool latin1_match(const std::string& rewritten, const std::string& text) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);
  options.set_log_errors(false);
  RE2 re(latin1_re2_pattern(rewritten), options);
  REQUIRE_MESSAGE(re.ok(), rewritten, ": ", re.error());
  return RE2::PartialMatch(text, re);
}

#ifdef VEIL_HAVE_VECTORSCAN
int on_hit(unsigned, unsigned long long, unsigned long long, unsigned,
           void* hit) {
  *static_cast<bool*>(hit) = true;
  return 1;
}

// Vectorscan, the prefilter's consumer, decides when RE2 finds nothing. A
// pattern Vectorscan refuses runs on every text: a pass.
bool bytes_match(const std::string& rewritten, const std::string& text) {
  if (latin1_match(rewritten, text)) {
    return true;
  }
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  unsigned flags = HS_FLAG_PREFILTER | HS_FLAG_SINGLEMATCH | HS_FLAG_ALLOWEMPTY;
  if (hs_compile(rewritten.c_str(), flags, HS_MODE_BLOCK, nullptr, &db,
                 &error) != HS_SUCCESS) {
    hs_free_compile_error(error);
    return true;
  }
  hs_scratch_t* scratch = nullptr;
  hs_alloc_scratch(db, &scratch);
  bool hit = false;
  hs_scan(db, text.data(), static_cast<unsigned>(text.size()), 0, scratch,
          on_hit, &hit);
  hs_free_scratch(scratch);
  hs_free_database(db);
  return hit;
}
#else
bool bytes_match(const std::string& rewritten, const std::string& text) {
  return latin1_match(rewritten, text);
}
#endif

// Wherever RE2 finds the original, the rewrite matches too.
void check_superset(const std::string& pattern, const std::string& text) {
  RE2 original(pattern);
  REQUIRE_MESSAGE(original.ok(), pattern);
  std::optional<std::string> rewritten = byte_superset(pattern);
  REQUIRE_MESSAGE(rewritten.has_value(), pattern);
  if (RE2::PartialMatch(text, original)) {
    CHECK_MESSAGE(bytes_match(*rewritten, text), pattern, " -> ", *rewritten);
  }
}

int digits(std::string_view pattern, int group = 0) {
  return min_counts(pattern, group).digits;
}

TEST_SUITE("scanner::byte_superset") {

  TEST_CASE("plain literals and ASCII classes stay exact") {
    CHECK(byte_superset("abc") == "abc");
    CHECK(byte_superset("a.b") ==
          "a(?:[\\x00-\\x09\\x0b-\\x7f]|[\\x80-\\xff]{1,4})b");
    CHECK(byte_superset("\\d{3}-\\d{2}") ==
          "[\\x30-\\x39]{3}\\x2d[\\x30-\\x39]{2}");
    CHECK(byte_superset("(?:x|y)z") == "(?:(?:x|y))z");
  }

  TEST_CASE("bytes a match in which the group takes part holds one of") {
    auto must = [](std::string_view regex, int group) {
      std::optional<RegexShape> shape = regex_shape(regex, group);
      REQUIRE(shape);
      std::string bytes;
      for (size_t c = 0; shape->group_must && c < 256; ++c) {
        if ((*shape->group_must)[c]) {
          bytes += char(c);
        }
      }
      return bytes;
    };
    // The rarest of the pieces every match goes through.
    CHECK(must(R"((?i:name)[ \t]*[:=][ \t]*(\p{Lu}\p{Ll}+))", 1) == ":=");
    CHECK(must(R"(ab#c)", 0) == "#");
    // Branches: any of theirs; a branch without the group does not count.
    CHECK(must(R"(x-\d|y/(\d))", 1) == "/");
    CHECK(must(R"(\d+(?:\.\d+)+|(\d{9}))", 1) == "0123456789");
    CHECK(must(R"(a:|b=)", 0) == ":=");
    // Nothing known: an optional piece or a branch that can be empty.
    CHECK(must(R"(x?)", 0).empty());
    CHECK(must(R"((?:|x))", 0).empty());
    CHECK(must(R"(\b$)", 0).empty());
  }

  TEST_CASE("large bounds are loosened, never tightened") {
    CHECK(byte_superset("[a-f]{40}") == "[\\x61-\\x66]{8,}");
    CHECK(byte_superset("[^a]{0,300}") ==
          "[\\x00-\\x60\\x62-\\x7f\\x80-\\xff]*");
    check_superset("[^a]{2,3}x", "\xC3\xA9\xC3\xA9\xC3\xA9x");
  }

  TEST_CASE("the closer form: UTF-8 ranges, line anchors, larger bounds") {
    SupersetForm form;
    form.max_bound = 40;
    form.utf8_ranges = true;
    form.line_anchors = true;
    // The default form is unchanged.
    CHECK(byte_superset("[\\x{E0000}-\\x{E007F}]+") == "[\\x80-\\xff]+");
    CHECK(byte_superset("[\\x{E0000}-\\x{E007F}]+", form) ==
          "(?:\\xf3\\xa0[\\x80-\\x81][\\x80-\\xbf])+");
    // Cut where the encoded length changes and where a continuation byte
    // does not run over 0x80-0xBF.
    CHECK(byte_superset("[\\x{7F0}-\\x{810}]", form) ==
          "(?:\\xdf[\\xb0-\\xbf]|\\xe0\\xa0[\\x80-\\x90])");
    CHECK(byte_superset("[\\x{FFF0}-\\x{10010}]", form) ==
          "(?:\\xef\\xbf[\\xb0-\\xbf]|\\xf0\\x90\\x80[\\x80-\\x90])");
    CHECK(byte_superset("[\\x{100}-\\x{13F}]", form) == "\\xc4[\\x80-\\xbf]");
    CHECK(byte_superset("(?i)[\\x{100}-\\x{13F}]", form) ==
          "[\\x80-\\xff]{1,4}");
    CHECK(byte_superset("(?m)^a$", form) == "(?m:^)a(?m:$)");
    CHECK(byte_superset("(?m)^a$") == "a");
    CHECK(byte_superset("^a$", form) == "^a$");
    CHECK(byte_superset("[a-f]{25,34}", form) == "[\\x61-\\x66]{25,34}");
    CHECK(byte_superset("[a-f]{41}", form) == "[\\x61-\\x66]{40,}");
  }

  TEST_CASE("non-ASCII text, classes and case folding") {
    check_superset("été", "l'été");
    check_superset("(?i)ÉTÉ", "l'été");
    check_superset("(?i)sk-[a-z]{4}", "\xC5\xBFk-abcd"); // long s
    check_superset("(?i)key", "\xE2\x84\xAA"
                              "ey"); // Kelvin sign
    check_superset("(?i)[k]ey", "\xE2\x84\xAA"
                                "ey");
    check_superset("[\\x{E0000}-\\x{E007F}]+", "a\xF3\xA0\x80\x81");
    check_superset("\\p{Lu}\\pL+ St", "Ärger St");
    check_superset("[^\\]\\n]{0,3}\\]", "日本語]");
    check_superset("身份证[\\s:：]{0,3}\\d+", "身份证：123");
    check_superset("(?i)忽略", "请忽略");
  }

  TEST_CASE("groups, flags, anchors and escapes") {
    check_superset("(?i)(?P<k>api)[_-]?key", "API-Key");
    check_superset("(?m)^token$", "a\ntoken\nb");
    check_superset("(?s)a.b", "a\nb");
    check_superset("x(?i:ab)Y", "xABY");
    check_superset("\\Qa.b\\E", "a.b");
    check_superset("\\bid\\b", "my id here");
    check_superset("a{,2}", "a{,2}");
    check_superset("[[:alpha:]]+[[:digit:]]", "ab1");
    check_superset("\\x41\\x{42}\\.", "AB.");
    check_superset("(?:^|[^!])\\[x\\]", "[x]");
    check_superset("^ab$", "ab");
    check_superset("ab\\z", "xab");
  }

  TEST_CASE("groups nested deeper than any rule are refused, not recursed") {
    // 1,173 nested groups overflowed the stack under ASan (fuzz_rule_loader).
    const std::string deep =
        std::string(1200, '(') + "a" + std::string(1200, ')');
    CHECK_FALSE(byte_superset(deep).has_value());
    CHECK_FALSE(regex_shape(deep).has_value());
    CHECK_FALSE(finding_pattern("(x)|" + deep, 1).has_value());
    const std::string fine =
        std::string(150, '(') + "a" + std::string(150, ')');
    CHECK(byte_superset(fine).has_value());
  }

  TEST_CASE("text anchors stay, so a superset of a whole-text pattern is one") {
    // pii.address_field's value is the whole string: without its "$" the
    // superset passed every text that began like an address.
    CHECK(byte_superset("^ab$") == "^ab$");
    CHECK(byte_superset("ab\\z") == "ab$");
    CHECK(byte_superset("(?m)^ab$") == "ab");
    CHECK_FALSE(bytes_match(*byte_superset("^ab$"), "ab, and more"));
  }

  TEST_CASE("unknown syntax is refused, not guessed") {
    CHECK_FALSE(byte_superset("a\\C").has_value());
    CHECK_FALSE(byte_superset("\\1").has_value());
    CHECK_FALSE(byte_superset("[[:nope:]]").has_value());
  }

  TEST_CASE("every built-in rule: its match examples pass the rewrite") {
    Catalog catalog = load_catalog(CatalogOptions{});
    size_t rewritten = 0;
    for (const RuleSpec& rule : catalog.rules) {
      std::optional<std::string> superset = byte_superset(rule.regex);
      if (!superset) {
        continue; // runs on every text: nothing to prove
      }
      ++rewritten;
      RE2::Options options; // as compiled_rule.cpp compiles them
      options.set_max_mem(64 << 20);
      options.set_log_errors(false);
      RE2 original(rule.regex, options);
      for (const std::string& example : rule.examples_match) {
        if (RE2::PartialMatch(example, original)) {
          CHECK_MESSAGE(bytes_match(*superset, example), rule.id);
        }
      }
    }
    CHECK(rewritten == catalog.rules.size());
  }

  TEST_CASE("min_counts: the digits every match must hold") {
    CHECK(digits("abc") == 0);
    CHECK(digits("\\d{3}-\\d{4}") == 7);
    CHECK(digits("[0-9]+x?5") == 2);
    CHECK(digits("\\d{3}|\\d{5}") == 3);
    CHECK(digits("\\d{3}|ab") == 0);
    CHECK(digits("(?:\\d\\d){2,}") == 4);
    CHECK(digits("[\\d ]{9}") == 0); // a class with more than digits
    CHECK(digits("(?i)\\d{2}") == 2);
    CHECK(digits("\\Q12\\E") == 2);
    CHECK(digits("\\pN{4}") == 0); // other scripts' digits: unknown
    CHECK(digits("a\\Cb") == 0);   // syntax it does not know
  }

  TEST_CASE("regex_shape: where digits and non-ASCII bytes lie") {
    AnchorShape card =
        regex_shape("\\b(\\d{4}(?:[ -]?\\d{4}){3})\\b")->shapes.digits;
    CHECK(card.free == AnchorShape::none);
    CHECK(card.lead == 0);
    CHECK(card.trail == 0);
    CHECK(card.gap == 1);
    AnchorShape id = regex_shape("(?i)id[: ]{0,3}#?\\d+x?")->shapes.digits;
    CHECK(id.lead == 6); // "ID", three separators, "#"
    CHECK(id.trail == 1);
    CHECK(id.gap == 0);
    // [^\w] may be a 4-byte character
    CHECK(regex_shape("(?:^|[^\\w])\\d")->shapes.digits.lead == 4);
    // A match without digits: no bound from digits
    CHECK(regex_shape("\\d+|abc")->shapes.digits.free == 3);
    CHECK(regex_shape("\\d+(?: \\d+)*")->shapes.digits.gap == 1);
    CHECK(regex_shape("\\d(?:[a-z]\\d)*")->shapes.digits.gap == 1);
    CHECK(regex_shape("\\d[a-z]*\\d")->shapes.digits.gap ==
          AnchorShape::unbounded);
    CHECK(regex_shape("\\d[a-z]*")->shapes.digits.trail ==
          AnchorShape::unbounded);
    AnchorShape tags =
        regex_shape("[\\x{E0000}-\\x{E007F}]+")->shapes.non_ascii;
    CHECK(tags.free == AnchorShape::none);
    CHECK(tags.lead == 0);
    CHECK(tags.gap == 0);
    CHECK(regex_shape("é[a-c]{2}é")->shapes.non_ascii.gap == 2);
    AnchorShape fiscal = regex_shape("\\b[A-Z]{6}\\d{2}[A-Z]\\b")->shapes.upper;
    CHECK(fiscal.free == AnchorShape::none);
    CHECK(fiscal.gap == 2);
    // Either case; k and s also fold to the Kelvin and long-s signs.
    CHECK(regex_shape("(?i)[A-Z]{2}")->shapes.upper.free == 8);
    CHECK_FALSE(regex_shape("a\\Cb").has_value()); // syntax it does not know
  }

  TEST_CASE("min_counts: capitals and non-ASCII characters") {
    CHECK(min_counts("[A-Z]{4}[A-Z0-9]{2}").upper == 4);
    CHECK(min_counts("(?i)[A-Z]{4}").upper == 0); // folded: any case
    CHECK(min_counts("[A-Z]|[a-z]").upper == 0);
    CHECK(min_counts("\\x{E0000}+").non_ascii == 1);
    CHECK(min_counts("[\\x{E0000}-\\x{E007F}]{3}").non_ascii == 3);
    CHECK(min_counts("été").non_ascii == 2);
    CHECK(min_counts("[^a]").non_ascii == 0);
    CHECK(min_counts("\\pL{3}").non_ascii == 0);
    MinCounts both = min_counts("x|([A-Z]{2}\\d{3}é)", 1);
    CHECK(both.upper == 2);
    CHECK(both.digits == 3);
    CHECK(both.non_ascii == 1);
  }

  TEST_CASE("min_counts: the bytes of the shortest match") {
    CHECK(min_counts("\\d{3}-\\d{4}").bytes == 8);
    CHECK(min_counts("\\bab?c\\b").bytes == 2); // a word boundary is no byte
    CHECK(min_counts("abc|de").bytes == 2);
    CHECK(min_counts("(?i)k{2}").bytes == 2); // also the 3-byte Kelvin
    CHECK(min_counts("été").bytes == 3); // a non-ASCII character: 1 or more
    CHECK(min_counts("x*").bytes == 0);
    CHECK(min_counts("a(b{2})c|d", 1).bytes == 4); // the group's matches
  }

  // min_counts and regex_shape skip building the rewritten text; pieces
  // that match only the empty string must still count as empty there.
  TEST_CASE("min_counts and shapes: empty pieces around the characters") {
    CHECK(digits("(?:)?\\d{2}") == 2);
    CHECK(digits("(?:\\b)+\\d{3}") == 3);
    CHECK(digits("(|x)\\d") == 1);
    CHECK(digits("a{0}\\d") == 1);
    CHECK(digits("(?i)(?:$|^)\\d{4}") == 4);
    CHECK(min_counts("(?:\\b|)(\\d{2})", 1).bytes == 2);
    AnchorShape around = regex_shape("(?:)\\b\\d{2}x(?:)")->shapes.digits;
    CHECK(around.lead == 0);
    CHECK(around.trail == 1);
  }

  TEST_CASE("min_counts of a group counts the matches the group is in") {
    CHECK(digits("id \\d|(\\d{9})", 1) == 9);
    CHECK(digits("(\\d)(\\d{4})", 2) == 5);
    CHECK(digits("(?P<n>\\d{2})\\d", 1) == 3);
    CHECK(digits("\\d{2}(x)?", 1) == 2);
    CHECK(digits("(?:(\\d{2})x){3}", 1) == 6);
    CHECK(digits("(a)|(\\d{5})", 1) == 0);
    CHECK(digits("(a)|(\\d{5})", 2) == 5);
  }

  TEST_CASE("every built-in rule: its match examples hold its min_counts") {
    Catalog catalog = load_catalog(CatalogOptions{});
    auto count = [](const std::string& text, unsigned char lo,
                    unsigned char hi) {
      return std::count_if(text.begin(), text.end(), [&](char ch) {
        auto c = static_cast<unsigned char>(ch);
        return c >= lo && c <= hi;
      });
    };
    for (const RuleSpec& rule : catalog.rules) {
      if (rule.validator == "injection_risk") {
        continue; // its examples are scored, its regex matches nothing
      }
      MinCounts need = min_counts(rule.regex, rule.group);
      for (const std::string& example : rule.examples_match) {
        CHECK_MESSAGE(count(example, '0', '9') >= need.digits, rule.id);
        CHECK_MESSAGE(count(example, 'A', 'Z') >= need.upper, rule.id);
        CHECK_MESSAGE(count(example, 0x80, 0xFF) >= need.non_ascii, rule.id);
      }
    }
  }
}

} // namespace
} // namespace veil
