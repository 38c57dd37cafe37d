#include "rule_util.hpp"
#include "scanner/candidate_filter.hpp"
#include "scanner/rule_set.hpp"
#include "scanner/scanner.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
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

std::vector<CandidateFilter::Rule> sample_rules() {
  return {
      {"ghp_[a-z]{4}", {"ghp_"}},
      {"\\b\\d{3}-\\d{4}\\b", {}},
      {"a\\Cb", {"zz"}}, // \C is not rewritten: its keyword alone decides
  };
}

Flags run(const CandidateFilter& filter, std::string_view text) {
  CandidateFilter::Scratch scratch;
  Flags out;
  filter.candidates(text, scratch, out);
  return out;
}

TEST_SUITE("scanner::candidate_filter") {

  TEST_CASE("before the database exists the keywords decide") {
    CandidateFilter filter(sample_rules());
    CHECK(run(filter, "ghp_ only") == Flags{1, 1, 0});
    CHECK(run(filter, "zz") == Flags{0, 1, 1});
  }

  TEST_CASE("with Vectorscan a rule runs only when its regex may match") {
    TempCache cache;
    CandidateFilter filter(sample_rules());
    if (!filter.build_now()) {
      MESSAGE("built without Vectorscan: keyword path only");
      CHECK(run(filter, "ghp_ only") == Flags{1, 1, 0});
      return;
    }
    CHECK(run(filter, "ghp_abcd 555-1234") == Flags{1, 1, 0});
    CHECK(run(filter, "ghp_ only") == Flags{0, 0, 0});
    CHECK(run(filter, "GHP_ABCD") == Flags{0, 0, 0}); // regex is cased
    CHECK(run(filter, "call 555-1234") == Flags{0, 1, 0});
    CHECK(run(filter, "zz") == Flags{0, 0, 1});
    CHECK(run(filter, "ZZ") == Flags{0, 0, 1}); // keywords ignore case
    // Not UTF-8: the rewrite proves nothing there, keywords decide.
    CHECK(run(filter, "\xff ghp_") == Flags{1, 1, 0});
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
