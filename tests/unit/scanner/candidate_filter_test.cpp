#include "rule_util.hpp"
#include "scanner/candidate_filter.hpp"
#include "scanner/rule_set.hpp"
#include "scanner/scanner.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace veil {
namespace {

namespace fs = std::filesystem;
using Flags = std::vector<uint8_t>;

// Points XDG_CACHE_HOME at a fresh directory for the test's lifetime, so
// databases compiled here never land in the user's cache.
class TempCache {
public:
  TempCache() {
    std::string pattern =
        (fs::temp_directory_path() / "veil-hscache-XXXXXX").string();
    m_dir = mkdtemp(pattern.data());
    const char* old = std::getenv("XDG_CACHE_HOME");
    m_had_old = old != nullptr;
    m_old = old != nullptr ? old : "";
    setenv("XDG_CACHE_HOME", m_dir.c_str(), 1);
  }
  ~TempCache() {
    if (m_had_old) {
      setenv("XDG_CACHE_HOME", m_old.c_str(), 1);
    } else {
      unsetenv("XDG_CACHE_HOME");
    }
    std::error_code ec;
    fs::remove_all(m_dir, ec);
  }
  size_t files() const {
    std::error_code ec;
    size_t n = 0;
    for (auto it = fs::recursive_directory_iterator(m_dir, ec);
         it != fs::recursive_directory_iterator(); ++it) {
      n += it->is_regular_file() ? 1 : 0;
    }
    return n;
  }

private:
  std::string m_dir;
  std::string m_old;
  bool m_had_old = false;
};

CandidateFilter::Rule rule(std::string regex,
                           std::vector<std::string> keywords) {
  CandidateFilter::Rule out;
  out.regex = std::move(regex);
  out.keywords = std::move(keywords);
  return out;
}

std::vector<CandidateFilter::Rule> sample_rules() {
  return {
      rule("ghp_[a-z]{4}", {"ghp_"}), rule("\\b\\d{3}-\\d{4}\\b", {}),
      rule("a\\Cb", {"zz"}), // \C is not rewritten: its keyword alone decides
  };
}

// One flag per rule: 1 runs, 2 runs if has_context() finds its word in the
// key or model name, 0 does not run.
Flags run(const CandidateFilter& filter, CandidateFilter::Text text,
          size_t rules = 3) {
  CandidateFilter::Scratch scratch;
  std::vector<CandidateFilter::Candidate> candidates;
  filter.candidates(text, scratch, candidates);
  Flags out(rules, 0);
  for (const CandidateFilter::Candidate& c : candidates) {
    out.at(c.rule) = c.context_outside ? 2 : 1;
  }
  return out;
}

Flags run(const CandidateFilter& filter, std::string_view text) {
  return run(filter, CandidateFilter::Text{text, {}, {}});
}

TEST_SUITE("scanner::candidate_filter") {

  TEST_CASE("before the database exists the keywords decide") {
    CandidateFilter filter(sample_rules());
    CHECK(run(filter, "ghp_ only 1234567") == Flags{1, 1, 0});
    CHECK(run(filter, "zz 1234567") == Flags{0, 1, 1});
  }

  TEST_CASE("candidates come in rule order, whatever order their keywords "
            "are in") {
    std::vector<CandidateFilter::Rule> rules;
    for (int i = 0; i < 150; ++i) { // three words of bits
      rules.push_back(rule("k" + std::to_string(i), {"k" + std::to_string(i)}));
    }
    CandidateFilter filter(rules);
    CandidateFilter::Scratch scratch;
    std::vector<CandidateFilter::Candidate> out;
    filter.candidates({"k149 k70 k3 k64 k63 k0", "", ""}, scratch, out);
    std::vector<uint32_t> got;
    for (const CandidateFilter::Candidate& c : out) {
      got.push_back(c.rule);
    }
    // "k149" holds no other keyword; "k70" holds "k7", "k64" holds "k6"...
    CHECK(got == std::vector<uint32_t>{0, 1, 3, 6, 7, 14, 63, 64, 70, 149});
    filter.candidates({"k5", "", ""}, scratch, out); // nothing left over
    CHECK(out.size() == 1);
    CHECK(out[0].rule == 5);
  }

  TEST_CASE("a rule runs only on texts with as many digits as it needs") {
    CandidateFilter filter(sample_rules()); // rule 1 needs 7
    CHECK(run(filter, "ghp_ only") == Flags{1, 0, 0});
    CHECK(run(filter, "123456 zz") == Flags{0, 0, 1});
    CHECK(run(filter, "1 2 3 4 5 6 7") == Flags{0, 1, 0});
    std::vector<CandidateFilter::Rule> grouped = {
        // Group 1 holds 9 digits; the first branch, which swallows
        // numbers without setting it, holds 2.
        rule("\\bid \\d{2}|(\\d{3}-\\d{2}-\\d{4})", {}),
        rule("x\\d{2}(y)?", {}), // (y) takes part with 2 digits around
        rule("(?:\\d{3}|ab)\\d", {}),
    };
    CandidateFilter by_group([&] {
      grouped[0].group = 1;
      grouped[1].group = 1;
      return grouped;
    }());
    CHECK(run(by_group, "id 12 and 12345") == Flags{0, 1, 1});
    CHECK(run(by_group, "123-45-6789") == Flags{1, 1, 1});
    CHECK(run(by_group, "xy") == Flags{0, 0, 0});
    CHECK(run(by_group, "xx1") == Flags{0, 0, 1});
    CHECK(run(by_group, "x1") == Flags{0, 0, 0}); // (?:\d{3}|ab)\d: 3 bytes
    CHECK(run(by_group, "ab1") == Flags{0, 0, 1});
  }

  TEST_CASE("rules without keywords are ruled out by each count, in any "
            "word of bits") {
    // Rule i: keyword-less every other rule, needing i % 7 digits and, for
    // every third, a capital; the others need their keyword.
    std::vector<CandidateFilter::Rule> rules;
    for (int i = 0; i < 150; ++i) {
      std::string regex = "\\d{" + std::to_string(i % 7) + "}" +
                          (i % 3 == 0 ? "[A-Z]" : "") + "x";
      rules.push_back(rule(regex, i % 2 == 0 ? std::vector<std::string>{}
                                             : std::vector<std::string>{"kw"}));
    }
    CandidateFilter filter(rules);
    for (std::string_view text : {"x", "12x", "1234 Ax", "kw 123456 Bx"}) {
      CAPTURE(text);
      size_t digits = 0;
      bool capital = false;
      for (char c : text) {
        digits += c >= '0' && c <= '9' ? 1 : 0;
        capital = capital || (c >= 'A' && c <= 'Z');
      }
      const bool keyword = text.find("kw") != std::string_view::npos;
      Flags want(rules.size(), 0);
      for (size_t i = 0; i < rules.size(); ++i) {
        want[i] = (i % 2 == 0 || keyword) && i % 7 <= digits &&
                  (i % 3 != 0 || capital);
      }
      CHECK(run(filter, {text, "", ""}, rules.size()) == want);
    }
  }

  TEST_CASE("and on texts with as many capitals and non-ASCII characters") {
    CandidateFilter filter(
        {rule("\\b[A-Z]{6}\\b", {}), rule("[\\x{E0000}-\\x{E007F}]+", {})});
    CHECK(run(filter, {"Hello World", "", ""}, 2) == Flags{0, 0});
    CHECK(run(filter, {"HELLO WORLD", "", ""}, 2) == Flags{1, 0});
    CHECK(run(filter, {"caf\xC3\xA9", "", ""}, 2) == Flags{0, 1});
  }

  TEST_CASE("and on texts as long as its shortest match") {
    CandidateFilter filter({rule("\\b[a-z]{6}\\b", {}), rule("a(bc)?", {})});
    CHECK(run(filter, {"short", "", ""}, 2) == Flags{0, 1});
    CHECK(run(filter, {"longer", "", ""}, 2) == Flags{1, 1});
    CHECK(run(filter, {"", "", ""}, 2) == Flags{0, 0});
  }

  TEST_CASE("a rule that needs context runs only where a word of it is") {
    std::vector<CandidateFilter::Rule> rules = {rule("\\b\\w{6}\\b", {})};
    rules[0].context_words = {"passport", "reisepass"};
    CandidateFilter filter(rules);
    CHECK(run(filter, {"my PASSPORT: X12345", "", ""}, 1) == Flags{1});
    CHECK(run(filter, {"my number: X12345", "", ""}, 1) == Flags{0});
    CHECK(run(filter, {"X12345", "passport_no", ""}, 1) == Flags{2});
    CHECK(run(filter, {"X12345", "id", "reisepass-bot"}, 1) == Flags{2});
    CHECK(run(filter, {"X12345", "id", "", true}, 1) == Flags{2});
  }

  TEST_CASE("one scratch over texts whose keys and model names come and "
            "go decides as a fresh one") {
    std::vector<CandidateFilter::Rule> rules = {rule("\\b\\w{6}\\b", {}),
                                                rule("\\b\\w{5}\\b", {})};
    rules[0].context_words = {"passport"};
    rules[1].context_words = {"iban", "account"};
    CandidateFilter filter(rules);
    // More keys than the scratch remembers: some name a context word.
    std::vector<std::string> keys = {
        "role", "content",    "passport_no", "name",      "iban",     "type",
        "text", "account_id", "id",          "arguments", "passport", "model"};
    std::vector<std::string> models = {"", "gpt-4o", "iban-bot"};
    CandidateFilter::Scratch scratch;
    std::mt19937 rng(11);
    for (int i = 0; i < 400; ++i) {
      const std::string& key = keys[rng() % keys.size()];
      const std::string& model = models[rng() % models.size()];
      CandidateFilter::Text text{"X12345 Y1234", key, model};
      std::vector<CandidateFilter::Candidate> reused;
      filter.candidates(text, scratch, reused);
      Flags got(2, 0);
      for (const CandidateFilter::Candidate& c : reused) {
        got.at(c.rule) = c.context_outside ? 2 : 1;
      }
      INFO("key ", key, ", model ", model);
      CHECK(got == run(filter, text, 2));
    }
  }

  TEST_CASE("with Vectorscan a rule runs only when its regex may match") {
    TempCache cache;
    CandidateFilter filter(sample_rules());
    if (!filter.build_now()) {
      MESSAGE("built without Vectorscan: keyword path only");
      CHECK(run(filter, "ghp_ only") == Flags{1, 0, 0});
      return;
    }
    CHECK(run(filter, "ghp_abcd 555-1234") == Flags{1, 1, 0});
    CHECK(run(filter, "ghp_ only") == Flags{0, 0, 0});
    CHECK(run(filter, "GHP_ABCD") == Flags{0, 0, 0}); // regex is cased
    CHECK(run(filter, "call 555-1234") == Flags{0, 1, 0});
    CHECK(run(filter, "zz") == Flags{0, 0, 1});
    CHECK(run(filter, "ZZ") == Flags{0, 0, 1}); // keywords ignore case
    // Not UTF-8: the rewrite proves nothing there, keywords decide.
    CHECK(run(filter, "\xff ghp_ 1234567") == Flags{1, 1, 0});
    CHECK(cache.files() == 1);
    CandidateFilter again(sample_rules()); // from the cache
    REQUIRE(again.build_now());
    CHECK(run(again, "call 555-1234") == Flags{0, 1, 0});
  }

  TEST_CASE("the scanner finds the same with and without Vectorscan") {
    TempCache cache;
    auto specs = [] {
      std::vector<RuleSpec> out;
      out.push_back(test::make_rule("t.key", "(?i)\\bkey[=:]\\s*(\\w{6,})"));
      out.back().group = 1;
      out.push_back(test::make_rule("t.phone", "\\+\\d{2}[ -]\\d{3,12}"));
      out.push_back(test::make_rule("t.word", "[^\\s]{2}été"));
      out.back().keywords = {"été"};
      return out;
    };
    RuleSet plain(specs());
    RuleSet fast(specs());
    fast.candidate_filter().build_now();
    Record record = test::make_record({
        test::make_field("KEY: abcdef123 and +33 612345678"),
        test::make_field("l'été, un ÉTÉ ça été"),
        test::make_field("nothing to see"),
        test::make_field("\xC5\xBF"
                         "key=abcdefg"),
    });
    std::vector<Match> a;
    std::vector<Match> b;
    Scanner(plain).scan(record, a);
    Scanner(fast).scan(record, b);
    CHECK(test::views(a) == test::views(b));
    CHECK(a.size() >= 3);
  }
}

} // namespace
} // namespace veil
