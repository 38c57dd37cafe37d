#include "core/errors.hpp"
#include "rule_util.hpp"
#include "rules/catalog.hpp"
#include "scanner/scanner.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace veil {
namespace {

using test::make_field;
using test::make_record;
using test::make_rule;
using test::MatchView;
using test::views;
using MV = std::vector<MatchView>;

std::vector<Match> scan(const RuleSet& rules, const Record& record) {
  Scanner scanner(rules);
  std::vector<Match> out;
  scanner.scan(record, out);
  return out;
}

std::vector<RuleSpec> one(RuleSpec spec) {
  std::vector<RuleSpec> v;
  v.push_back(std::move(spec));
  return v;
}

TEST_SUITE("scanner::scanner") {

  TEST_CASE("every match of a rule in a field, with confidence") {
    RuleSet rules(one(make_rule("t.digits", R"(\d{3})")));
    Record record = make_record({make_field("a123b4567")});
    std::vector<Match> m = scan(rules, record);
    CHECK(views(m) == MV{{"t.digits", 0, 1, 4}, {"t.digits", 0, 5, 8}});
    REQUIRE(m.size() == 2);
    CHECK(m[0].confidence == doctest::Approx(0.8));
  }

  TEST_CASE("matches are ordered by field, then start") {
    std::vector<RuleSpec> specs;
    specs.push_back(make_rule("t.b", "b+"));
    specs.push_back(make_rule("t.a", "a+"));
    RuleSet rules(std::move(specs));
    Record record = make_record(
        {make_field("xbbaa"), make_field("none"), make_field("ab")});
    CHECK(views(scan(rules, record)) == MV{{"t.b", 0, 1, 3},
                                           {"t.a", 0, 3, 5},
                                           {"t.a", 2, 0, 1},
                                           {"t.b", 2, 1, 2}});
  }

  TEST_CASE("the group is the finding") {
    RuleSpec spec = make_rule("t.kv", R"((?i)(password)\s*=\s*(\w+))");
    spec.group = 2;
    RuleSet rules(one(spec));
    Record record =
        make_record({make_field("x PASSWORD = hunter2; password=pw")});
    CHECK(views(scan(rules, record)) ==
          MV{{"t.kv", 0, 13, 20}, {"t.kv", 0, 31, 33}});
  }

  TEST_CASE("a group that does not take part gives no finding") {
    RuleSpec spec = make_rule("t.alt", "(a)|(b)");
    spec.group = 2;
    RuleSet rules(one(spec));
    Record record = make_record({make_field("a b a b")});
    CHECK(views(scan(rules, record)) ==
          MV{{"t.alt", 0, 2, 3}, {"t.alt", 0, 6, 7}});
  }

  TEST_CASE("groups past the ninth are refused when the rule compiles") {
    RuleSpec spec = make_rule("t.many", "(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)");
    spec.group = 11;
    CHECK_THROWS_AS(RuleSet(one(spec)), RuleError);
    spec.group = 9;
    RuleSet rules(one(spec));
    Record record = make_record({make_field("abcdefghijk")});
    CHECK(views(scan(rules, record)) == MV{{"t.many", 0, 8, 9}});
  }

  TEST_CASE("empty matches are skipped and do not stall the scan") {
    RuleSet rules(one(make_rule("t.x", "x*")));
    Record record = make_record({make_field("axxbx")});
    CHECK(views(scan(rules, record)) == MV{{"t.x", 0, 1, 3}, {"t.x", 0, 4, 5}});
    Record empty = make_record({make_field("")});
    CHECK(scan(rules, empty).empty());
  }

  TEST_CASE("^ and \\b keep their meaning after the first match") {
    RuleSet rules(one(make_rule("t.start", R"(^\w+)")));
    Record record = make_record({make_field("abc def")});
    CHECK(views(scan(rules, record)) == MV{{"t.start", 0, 0, 3}});

    RuleSet words(one(make_rule("t.word", R"(\bab)")));
    Record r2 = make_record({make_field("ab xab ab")});
    CHECK(views(scan(words, r2)) ==
          MV{{"t.word", 0, 0, 2}, {"t.word", 0, 7, 9}});
  }

  TEST_CASE("a validator rejects matches whose checksum fails") {
    RuleSpec spec = make_rule("t.card", R"(\b\d{16}\b)");
    spec.validator = "luhn";
    RuleSet rules(one(spec));
    Record record =
        make_record({make_field("4111111111111112 4111111111111111")});
    CHECK(views(scan(rules, record)) == MV{{"t.card", 0, 17, 33}});
  }

  TEST_CASE("the entropy threshold drops low-entropy matches") {
    RuleSpec spec = make_rule("t.token", R"(\b[a-z0-9]{12}\b)");
    spec.entropy = 3.0;
    RuleSet rules(one(spec));
    Record record =
        make_record({make_field("aaaaaaaaaaaa x7k2p9q4m1z8 abababababab")});
    CHECK(views(scan(rules, record)) == MV{{"t.token", 0, 13, 25}});
  }

  TEST_CASE("entropy is measured on the group, not the whole match") {
    RuleSpec spec = make_rule("t.kv", R"(key=(\w+))");
    spec.group = 1;
    spec.entropy = 1.0;
    RuleSet rules(one(spec));
    // The whole match "key=aaaaaaaa" has 1.58 bits, its group none.
    Record record = make_record({make_field("key=aaaaaaaa key=q8Zr1Lx0")});
    CHECK(views(scan(rules, record)) == MV{{"t.kv", 0, 17, 25}});
  }

  TEST_CASE("allow patterns drop matches they find") {
    RuleSpec spec = make_rule("t.mail", R"(\w+@\w+\.com)");
    spec.allow = {"^test@", R"(@example\.com$)"};
    RuleSet rules(one(spec));
    Record record = make_record(
        {make_field("test@x.com real@y.com jo@example.com jo@sample.com")});
    CHECK(views(scan(rules, record)) ==
          MV{{"t.mail", 0, 11, 21}, {"t.mail", 0, 37, 50}});
  }

  TEST_CASE("required context: a word near the match") {
    RuleSpec spec = make_rule("t.pw", R"(\bS3CRET\w*)");
    spec.context.words = {"pw"};
    spec.context.window = 5;
    spec.context.required = true;
    RuleSet rules(one(spec));
    // The word must lie wholly within 5 bytes before the start...
    Record near = make_record({make_field("pw:   S3CRETa")});
    CHECK(scan(rules, near).empty());
    Record edge = make_record({make_field("pw:  S3CRETb")});
    CHECK(views(scan(rules, edge)) == MV{{"t.pw", 0, 5, 12}});
    // ...or within 5 bytes after the end, in any case.
    Record after = make_record({make_field("S3CRETc   (PW)")});
    CHECK(scan(rules, after).empty());
    Record after_edge = make_record({make_field("S3CRETd  (Pw)")});
    CHECK(views(scan(rules, after_edge)) == MV{{"t.pw", 0, 0, 7}});
    Record none = make_record({make_field("S3CRETe")});
    CHECK(scan(rules, none).empty());
  }

  TEST_CASE("required context: the JSON key holding the value") {
    RuleSpec spec = make_rule("t.pw", R"(\bS3CRET\w*)");
    spec.context.words = {"password"};
    spec.context.required = true;
    RuleSet rules(one(spec));
    Record keyed = make_record({make_field("S3CRET1", "/db/DB_Password")});
    CHECK(views(scan(rules, keyed)) == MV{{"t.pw", 0, 0, 7}});
    // Only the last segment counts, unescaped.
    Record parent = make_record({make_field("S3CRET2", "/password/value")});
    CHECK(scan(rules, parent).empty());
    Record escaped = make_record({make_field("S3CRET3", "/x/pass~1word")});
    CHECK(scan(rules, escaped).empty());
  }

  TEST_CASE("required context: the record's model hint") {
    RuleSpec spec = make_rule("t.ds", R"(\bsk-[a-f0-9]{8}\b)");
    spec.context.words = {"deepseek"};
    spec.context.required = true;
    RuleSet rules(one(spec));
    Record plain = make_record({make_field("key sk-0123abcd", "/k")});
    CHECK(scan(rules, plain).empty());
    Record hinted = make_record({make_field("key sk-0123abcd", "/k")});
    hinted.model_hint = "DeepSeek-Chat https://api.deepseek.com ";
    CHECK(views(scan(rules, hinted)) == MV{{"t.ds", 0, 4, 15}});
  }

  TEST_CASE("context boosts confidence, capped at 1") {
    RuleSpec spec = make_rule("t.num", R"(\d{4})");
    spec.context.words = {"pin"};
    spec.context.boost = 0.15;
    spec.confidence = 0.7;
    RuleSet rules(one(spec));
    std::vector<Match> m =
        scan(rules, make_record({make_field("1234 and PIN 5678")}));
    REQUIRE(m.size() == 2);
    // Both lie within 64 bytes of "PIN".
    CHECK(m[0].confidence == doctest::Approx(0.85));
    CHECK(m[1].confidence == doctest::Approx(0.85));
    std::vector<Match> plain = scan(rules, make_record({make_field("1234")}));
    REQUIRE(plain.size() == 1);
    CHECK(plain[0].confidence == doctest::Approx(0.7));

    spec.confidence = 0.95;
    spec.context.boost = 0.5;
    RuleSet capped(one(spec));
    std::vector<Match> c = scan(capped, make_record({make_field("pin 1234")}));
    REQUIRE(c.size() == 1);
    CHECK(c[0].confidence == doctest::Approx(1.0));
  }

  TEST_CASE("direction: an input rule skips assistant and system text") {
    RuleSpec spec = make_rule("t.inj", "ignore previous");
    spec.direction = "input";
    RuleSet rules(one(spec));
    Record record = make_record({
        make_field("ignore previous", "/a", Direction::input),
        make_field("ignore previous", "/b", Direction::output),
        make_field("ignore previous", "/c", Direction::system),
        make_field("ignore previous", "/d", Direction::unknown),
    });
    CHECK(views(scan(rules, record)) ==
          MV{{"t.inj", 0, 0, 15}, {"t.inj", 3, 0, 15}});
  }

  TEST_CASE("direction: an output rule runs on assistant and unknown text") {
    RuleSpec spec = make_rule("t.out", "leak");
    spec.direction = "output";
    RuleSet rules(one(spec));
    Record record = make_record({
        make_field("leak", "/a", Direction::input),
        make_field("leak", "/b", Direction::output),
        make_field("leak", "/c", Direction::system),
        make_field("leak", "", Direction::unknown),
    });
    CHECK(views(scan(rules, record)) ==
          MV{{"t.out", 1, 0, 4}, {"t.out", 3, 0, 4}});
  }

  TEST_CASE("direction: an any rule runs everywhere") {
    RuleSet rules(one(make_rule("t.any", "z")));
    Record record = make_record({
        make_field("z", "/a", Direction::input),
        make_field("z", "/b", Direction::output),
        make_field("z", "/c", Direction::system),
        make_field("z", "/d", Direction::unknown),
    });
    CHECK(scan(rules, record).size() == 4);
  }

  TEST_CASE("the prefilter decides which rules run") {
    RuleSpec spec = make_rule("t.sk", R"(\w+-\w{4})");
    spec.keywords = {"sk-"};
    RuleSet rules(one(spec));
    CHECK(scan(rules, make_record({make_field("pk-abcd")})).empty());
    CHECK(views(scan(rules, make_record({make_field("SK-abcd")}))) ==
          MV{{"t.sk", 0, 0, 7}});
    // A keyword in the key name is context, not a prefilter hit.
    CHECK(scan(rules, make_record({make_field("pk-abcd", "/sk-key")})).empty());
    // The keyword is looked for in each field alone.
    CHECK(views(scan(rules, make_record({make_field("sk-"),
                                         make_field("pk-abcd")}))) == MV{});
  }

  TEST_CASE(
      "overlaps within a field are resolved, across fields they are not") {
    std::vector<RuleSpec> specs;
    specs.push_back(make_rule("t.short", R"(\d{4})", Severity::medium));
    specs.push_back(make_rule("t.long", R"(\d{4}-\d{4})", Severity::medium));
    RuleSet rules(std::move(specs));
    Record record =
        make_record({make_field("1234-5678"), make_field("1234-5678")});
    CHECK(views(scan(rules, record)) ==
          MV{{"t.long", 0, 0, 9}, {"t.long", 1, 0, 9}});
  }

  TEST_CASE("find reports every match of one rule before overlap resolution") {
    RuleSet rules(one(make_rule("t.d", R"(\d+)")));
    Record record = make_record({make_field("1 22"), make_field("333")});
    Scanner scanner(rules);
    std::vector<Match> out;
    scanner.find(*rules.rules()[0], record, 1, out);
    CHECK(views(out) == MV{{"t.d", 1, 0, 3}});
  }

  TEST_CASE("a scanner appends to what is already there") {
    RuleSet rules(one(make_rule("t.d", R"(\d)")));
    Scanner scanner(rules);
    std::vector<Match> out;
    scanner.scan(make_record({make_field("1")}), out);
    scanner.scan(make_record({make_field("a2")}), out);
    CHECK(views(out) == MV{{"t.d", 0, 0, 1}, {"t.d", 0, 1, 2}});
  }

  TEST_CASE("scan_group gives each record what scan() gives it alone") {
    // Every built-in example, a few to a record, with the rule gate built:
    // the group's stages (filter, gate, rules) run apart, as on real input.
    Catalog catalog = load_catalog(CatalogOptions{});
    RuleSet rules(catalog.rules);
    rules.build_gates();
    std::vector<Record> records;
    std::vector<Field> fields = test::example_fields(catalog.rules);
    for (size_t i = 0; i + 3 <= fields.size(); i += 3) {
      records.push_back(test::make_record(
          {fields.begin() + long(i), fields.begin() + long(i) + 3}));
      records.back().model_hint = "gpt-4o";
    }
    const size_t n = records.size();
    std::vector<std::vector<Match>> grouped(n);
    std::vector<std::vector<Drop>> grouped_drops(n);
    Scanner group_scanner(rules);
    for (size_t begin = 0; begin < n; begin += 50) { // groups of 50 records
      size_t size = std::min<size_t>(50, n - begin);
      group_scanner.scan_group(std::span(records).subspan(begin, size),
                               std::span(grouped).subspan(begin, size),
                               std::span(grouped_drops).subspan(begin, size));
    }
    Scanner alone(rules);
    size_t matches = 0;
    size_t drops = 0;
    for (size_t i = 0; i < n; ++i) {
      std::vector<Match> expected;
      std::vector<Drop> expected_drops;
      alone.explain_into(&expected_drops);
      alone.scan(records[i], expected);
      CHECK(test::views(grouped[i]) == test::views(expected));
      REQUIRE(grouped_drops[i].size() == expected_drops.size());
      for (size_t d = 0; d < expected_drops.size(); ++d) {
        CHECK(grouped_drops[i][d].rule == expected_drops[d].rule);
        CHECK(grouped_drops[i][d].start == expected_drops[d].start);
        CHECK(std::string_view(grouped_drops[i][d].stage) ==
              expected_drops[d].stage);
      }
      matches += expected.size();
      drops += expected_drops.size();
    }
    CHECK(matches > 1000);
    CHECK(drops > 100);

    // Without --explain the rules run one by one over the group's windows
    // (with it, in field order, as above), and texts met again come from
    // the scanner's cache: the third pass finds every field there.
    Scanner cached(rules);
    for (int pass = 0; pass < 3; ++pass) {
      for (size_t begin = 0; begin < n; begin += 50) {
        size_t size = std::min<size_t>(50, n - begin);
        std::vector<std::vector<Match>> out(size);
        cached.scan_group(std::span(records).subspan(begin, size), out);
        for (size_t i = 0; i < size; ++i) {
          CHECK(test::views(out[i]) == test::views(grouped[begin + i]));
        }
      }
    }
  }

  TEST_CASE("a rot13 or leet reading gives injection findings only") {
    RuleSpec injection = make_rule("t.inj", "ignore all previous");
    injection.category = "injection";
    std::vector<RuleSpec> specs;
    specs.push_back(injection);
    // Stronger: were it found, it would win the overlap.
    specs.push_back(make_rule("t.pii", "ignore all previous", Severity::high));
    RuleSet rules(std::move(specs));
    for (const char* text :
         {"1gn0r3 4ll pr3v10u5 rules", "vtaber nyy cerivbhf ehyrf"}) {
      std::vector<Match> found = scan(rules, make_record({make_field(text)}));
      REQUIRE_MESSAGE(found.size() == 1, text);
      CHECK(found[0].rule->spec().id == "t.inj");
      CHECK(found[0].decoded != nullptr);
    }
  }

  TEST_CASE("a rule whose validator rejects everything never runs") {
    RuleSpec spec = make_rule("t.placeholder", "x+");
    spec.validator = "injection_risk"; // the scorer makes its findings
    RuleSet rules(one(spec));
    CHECK(rules.rules()[0]->finds_nothing());
    Scanner scanner(rules);
    std::vector<Drop> drops;
    scanner.explain_into(&drops);
    std::vector<Match> found;
    scanner.scan(make_record({make_field("xxx")}), found);
    CHECK(found.empty());
    CHECK(drops.empty()); // not even a validator drop: it did not run

    spec.validator_mode = "score"; // then a failed check only lowers it
    RuleSet scored(one(spec));
    CHECK_FALSE(scored.rules()[0]->finds_nothing());
    CHECK(views(scan(scored, make_record({make_field("xxx")}))) ==
          MV{{"t.placeholder", 0, 0, 3}});
  }

  TEST_CASE("a text met again gives what its field gives, whatever else "
            "the record holds") {
    RuleSpec pin = make_rule("t.pin", R"(\b\d{4}\b)");
    pin.context.words = {"pin"};
    pin.context.boost = 0.15;
    pin.confidence = 0.7;
    RuleSpec ds = make_rule("t.ds", R"(\bsk-[a-f0-9]{8}\b)");
    ds.context.words = {"deepseek"};
    ds.context.required = true;
    RuleSpec out = make_rule("t.out", "leak");
    out.direction = "output";
    std::vector<RuleSpec> specs;
    specs.push_back(pin);
    specs.push_back(ds);
    specs.push_back(out);
    RuleSet rules(std::move(specs));
    const std::string text = "code 1234, key sk-0123abcd, leak";
    struct Case {
      const char* pointer;
      Direction direction;
      const char* model;
      MV expected;
      double pin_confidence;
    };
    const std::vector<Case> cases = {
        {"/m/content", Direction::input, "gpt-4o", MV{{"t.pin", 1, 5, 9}}, 0.7},
        {"/m/content", Direction::output, "gpt-4o",
         MV{{"t.pin", 1, 5, 9}, {"t.out", 1, 28, 32}}, 0.7},
        {"/m/content", Direction::input, "deepseek-chat",
         MV{{"t.pin", 1, 5, 9}, {"t.ds", 1, 15, 26}}, 0.7},
        {"/m/pin", Direction::input, "gpt-4o", MV{{"t.pin", 1, 5, 9}}, 0.85},
        {"/m/content", Direction::input, "pinecone-v2", MV{{"t.pin", 1, 5, 9}},
         0.85},
        {"/m/content", Direction::input, "", MV{{"t.pin", 1, 5, 9}}, 0.7},
    };
    Scanner scanner(rules);
    for (int pass = 0; pass < 4; ++pass) {
      for (const Case& c : cases) {
        CAPTURE(pass);
        CAPTURE(c.pointer);
        CAPTURE(c.model);
        Record record = make_record(
            {make_field("x", "/id"), make_field(text, c.pointer, c.direction)});
        record.model_hint = c.model;
        std::vector<Match> found;
        scanner.scan(record, found);
        CHECK(views(found) == c.expected);
        REQUIRE(!found.empty());
        CHECK(found[0].confidence == doctest::Approx(c.pin_confidence));
      }
    }
  }

} // TEST_SUITE

// Matches made by hand over a rule set whose rules differ in severity and
// style, to test resolve_overlaps alone.
class OverlapFixture {
public:
  OverlapFixture() : m_rules(specs()) {}

  Match m(size_t rule, uint32_t start, uint32_t end) const {
    const CompiledRule* r = m_rules.rules()[rule].get();
    return Match{r, 0, start, end, 0.5, r->spec().severity};
  }

private:
  static std::vector<RuleSpec> specs() {
    std::vector<RuleSpec> v;
    v.push_back(make_rule("r0.medium", "x", Severity::medium));
    v.push_back(make_rule("r1.medium", "x", Severity::medium));
    v.push_back(make_rule("r2.high", "x", Severity::high));
    v.push_back(make_rule("r3.low", "x", Severity::low));
    RuleSpec report = make_rule("r4.report", "x", Severity::critical);
    report.style = "none";
    v.push_back(report);
    RuleSpec report2 = make_rule("r5.report", "x", Severity::info);
    report2.style = "none";
    v.push_back(report2);
    return v;
  }
  RuleSet m_rules;
};

MV resolved(std::vector<Match> matches) {
  resolve_overlaps(matches);
  return views(matches);
}

TEST_SUITE("scanner::scanner resolve_overlaps") {

  TEST_CASE_FIXTURE(OverlapFixture, "higher severity beats a longer match") {
    CHECK(resolved({m(0, 0, 20), m(2, 5, 10)}) == MV{{"r2.high", 0, 5, 10}});
    CHECK(resolved({m(3, 0, 20), m(0, 19, 21)}) ==
          MV{{"r0.medium", 0, 19, 21}});
  }

  TEST_CASE_FIXTURE(OverlapFixture, "same severity: the longer match wins") {
    CHECK(resolved({m(0, 0, 5), m(1, 2, 10)}) == MV{{"r1.medium", 0, 2, 10}});
    CHECK(resolved({m(1, 2, 10), m(0, 0, 5)}) == MV{{"r1.medium", 0, 2, 10}});
  }

  TEST_CASE_FIXTURE(OverlapFixture,
                    "same severity and length: the earlier start wins") {
    CHECK(resolved({m(1, 0, 5), m(0, 3, 8)}) == MV{{"r1.medium", 0, 0, 5}});
    CHECK(resolved({m(0, 3, 8), m(1, 0, 5)}) == MV{{"r1.medium", 0, 0, 5}});
  }

  TEST_CASE_FIXTURE(OverlapFixture, "same span: the earlier rule wins") {
    CHECK(resolved({m(1, 4, 9), m(0, 4, 9)}) == MV{{"r0.medium", 0, 4, 9}});
    CHECK(resolved({m(0, 4, 9), m(1, 4, 9)}) == MV{{"r0.medium", 0, 4, 9}});
  }

  TEST_CASE_FIXTURE(OverlapFixture, "touching spans do not overlap") {
    CHECK(resolved({m(1, 5, 10), m(0, 0, 5), m(2, 10, 11)}) ==
          MV{{"r0.medium", 0, 0, 5},
             {"r1.medium", 0, 5, 10},
             {"r2.high", 0, 10, 11}});
  }

  TEST_CASE_FIXTURE(OverlapFixture, "a dropped match does not hide others") {
    // r2 takes [0,10); r0 [8,20) loses to it; r1 [18,25) only overlapped r0.
    CHECK(resolved({m(0, 8, 20), m(1, 18, 25), m(2, 0, 10)}) ==
          MV{{"r2.high", 0, 0, 10}, {"r1.medium", 0, 18, 25}});
  }

  TEST_CASE_FIXTURE(OverlapFixture,
                    "a match inside or around a kept one loses") {
    CHECK(resolved({m(2, 0, 10), m(0, 2, 3), m(1, 9, 12), m(3, 0, 30)}) ==
          MV{{"r2.high", 0, 0, 10}});
  }

  TEST_CASE_FIXTURE(OverlapFixture,
                    "report-only matches never suppress redacting ones") {
    // r4 is critical and covers everything, but reports only.
    CHECK(resolved({m(4, 0, 20), m(3, 5, 10), m(0, 12, 15)}) ==
          MV{{"r4.report", 0, 0, 20},
             {"r3.low", 0, 5, 10},
             {"r0.medium", 0, 12, 15}});
    // Report-only matches are resolved among themselves.
    CHECK(resolved({m(5, 0, 20), m(4, 5, 10), m(0, 5, 10)}) ==
          MV{{"r0.medium", 0, 5, 10}, {"r4.report", 0, 5, 10}});
  }

  TEST_CASE_FIXTURE(OverlapFixture,
                    "the result does not depend on the input order") {
    std::vector<Match> matches = {m(0, 0, 6),   m(1, 3, 9),  m(2, 8, 12),
                                  m(3, 11, 20), m(4, 0, 30), m(5, 2, 4),
                                  m(1, 20, 22), m(0, 20, 22)};
    std::sort(matches.begin(), matches.end(),
              [](const Match& a, const Match& b) {
                return a.rule->index() != b.rule->index()
                           ? a.rule->index() < b.rule->index()
                           : a.start < b.start;
              });
    MV first = resolved(matches);
    size_t permutations = 0;
    while (std::next_permutation(matches.begin(), matches.end(),
                                 [](const Match& a, const Match& b) {
                                   return a.rule->index() != b.rule->index()
                                              ? a.rule->index() <
                                                    b.rule->index()
                                              : a.start < b.start;
                                 }) &&
           permutations < 2000) {
      ++permutations;
      REQUIRE(resolved(matches) == first);
    }
    CHECK(first == MV{{"r0.medium", 0, 0, 6},
                      {"r4.report", 0, 0, 30},
                      {"r2.high", 0, 8, 12},
                      {"r0.medium", 0, 20, 22}});
  }

  TEST_CASE("an empty list stays empty") {
    std::vector<Match> none;
    resolve_overlaps(none);
    CHECK(none.empty());
  }

} // TEST_SUITE

} // namespace
} // namespace veil
