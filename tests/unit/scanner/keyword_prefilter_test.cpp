#include "scanner/keyword_prefilter.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <span>
#include <string>
#include <thread>
#include <vector>

namespace veil {
namespace {

using Keywords = std::vector<std::vector<std::string>>;
using Flags = std::vector<uint8_t>;

Flags run(const KeywordPrefilter& p, std::string_view text) {
  Flags seen(p.size(), 0);
  std::vector<uint32_t> hits;
  p.candidates(text, seen, hits);
  std::vector<uint32_t> unique = hits;
  std::sort(unique.begin(), unique.end());
  CHECK(std::adjacent_find(unique.begin(), unique.end()) == unique.end());
  for (uint32_t hit : hits) {
    CHECK(seen[hit] == 1);
  }
  return seen;
}

TEST_SUITE("scanner::keyword_prefilter") {

  TEST_CASE("a rule runs when one of its keywords is in the text") {
    KeywordPrefilter p(Keywords{{"akia"}, {"ghp_", "github_pat_"}});
    CHECK(run(p, "id AKIAXXXX") == Flags{1, 0});
    CHECK(run(p, "token ghp_123") == Flags{0, 1});
    CHECK(run(p, "github_pat_11") == Flags{0, 1});
    CHECK(run(p, "nothing here") == Flags{0, 0});
    CHECK(run(p, "") == Flags{0, 0});
    CHECK(run(p, "akiaghp_") == Flags{1, 1});
  }

  TEST_CASE("matching is case-insensitive for ASCII on both sides") {
    KeywordPrefilter p(Keywords{{"akia"}, {"SK-"}});
    CHECK(run(p, "AkIa") == Flags{1, 0});
    CHECK(run(p, "sk-proj") == Flags{0, 1});
    CHECK(run(p, "SK-PROJ") == Flags{0, 1});
  }

  TEST_CASE("non-ASCII bytes are matched as written") {
    KeywordPrefilter p(Keywords{{"\xC3\xA9t\xC3\xA9"}}); // "été"
    CHECK(run(p, "en \xC3\xA9t\xC3\xA9") == Flags{1});
    CHECK(run(p, "en \xC3\x89T\xC3\x89") == Flags{0}); // "ÉTÉ"
    CHECK(run(p, "en \xC3\xA9T\xC3\xA9") == Flags{1});
  }

  TEST_CASE("threads meeting the first non-ASCII text at once all match") {
    // The non-ASCII keywords' automaton is built on that first text.
    KeywordPrefilter p(Keywords{{"\xC3\xA9t\xC3\xA9"}, {"ok"}});
    std::vector<int> found(4, 0);
    std::vector<std::thread> threads;
    for (size_t t = 0; t < found.size(); ++t) {
      threads.emplace_back([&, t] {
        found[t] = run(p, "ok en \xC3\xA9t\xC3\xA9") == Flags{1, 1};
      });
    }
    for (std::thread& thread : threads) {
      thread.join();
    }
    CHECK(found == std::vector<int>(4, 1));
  }

  TEST_CASE("rules without keywords are always candidates") {
    KeywordPrefilter p(Keywords{{}, {"x"}, {}});
    CHECK(run(p, "") == Flags{1, 0, 1});
    CHECK(run(p, "abc") == Flags{1, 0, 1});
    CHECK(run(p, "x") == Flags{1, 1, 1});
  }

  TEST_CASE(
      "overlapping keywords are all found (the classic he/she/his/hers)") {
    KeywordPrefilter p(Keywords{{"he"}, {"she"}, {"his"}, {"hers"}});
    CHECK(run(p, "ushers") == Flags{1, 1, 0, 1});
    CHECK(run(p, "ahishe") == Flags{1, 1, 1, 0});
    CHECK(run(p, "h") == Flags{0, 0, 0, 0});
  }

  TEST_CASE("a keyword inside a longer failed keyword is found") {
    KeywordPrefilter p(Keywords{{"abcd"}, {"bc"}, {"c"}});
    CHECK(run(p, "abcx") == Flags{0, 1, 1});
    CHECK(run(p, "abcd") == Flags{1, 1, 1});
    CHECK(run(p, "aabcabcd") == Flags{1, 1, 1});
    CHECK(run(p, "abd") == Flags{0, 0, 0});
  }

  TEST_CASE("keywords shared by rules and repeated in one rule") {
    KeywordPrefilter p(Keywords{{"key", "key"}, {"key"}, {"api", "key"}});
    CHECK(run(p, "API") == Flags{0, 0, 1});
    CHECK(run(p, "my key") == Flags{1, 1, 1});
  }

  TEST_CASE("keywords at the very start and end of the text") {
    KeywordPrefilter p(Keywords{{"ab"}, {"yz"}});
    CHECK(run(p, "ab") == Flags{1, 0});
    CHECK(run(p, "abyz") == Flags{1, 1});
    CHECK(run(p, "...yz") == Flags{0, 1});
  }

  TEST_CASE("a long text, walked in parts, misses no keyword") {
    KeywordPrefilter p(Keywords{{"middle"}, {"ab"}, {"z"}, {"ninechars"}});
    // Across the middle of a text in two parts (300 bytes) and across each
    // quarter's start of one in four (1200 bytes).
    for (auto [size, edge] : {std::pair<size_t, size_t>{300, 150},
                              {1200, 300},
                              {1200, 600},
                              {1200, 900}}) {
      for (size_t at = edge - 30; at < edge + 10; ++at) {
        std::string text(size, '.');
        text.replace(at, 9, "ninechars");
        CHECK_MESSAGE((run(p, text) == Flags{0, 0, 0, 1}), at);
        text.replace(at, 6, "MIDDLE");
        CHECK_MESSAGE((run(p, text) == Flags{1, 0, 0, 0}), at);
      }
    }
    // Against a plain search, on texts of every length up to 1300.
    const std::vector<std::string> words = {"middle", "ab", "z", "ninechars"};
    std::string text;
    for (size_t n = 0; n < 1300; ++n) {
      text += "ab.middlez ninechars xy"[(n * 7 + n / 3) % 23];
      Flags want;
      for (const std::string& w : words) {
        want.push_back(text.find(w) != std::string::npos ? 1 : 0);
      }
      CHECK_MESSAGE(run(p, text) == want, text);
    }
  }

  TEST_CASE("many texts walked at once: each text's own lists") {
    // Texts of every length from empty to past the walk in parts, short
    // ones walked four side by side, in both table widths.
    Keywords small{{"middle", "ab"}, {"z"}, {"ninechars"}, {"@"}, {"жук"}, {}};
    Keywords large = small;
    uint32_t seed = 11;
    for (int i = 0; i < 5000; ++i) { // over 32,768 states: 32-bit entries
      std::string word;
      for (int k = 0; k < 10; ++k) {
        seed = seed * 1103515245u + 12345u;
        word += char('a' + (seed >> 16) % 26);
      }
      large.push_back({word});
    }
    for (const Keywords* keywords : {&small, &large}) {
      KeywordPrefilter p(*keywords);
      std::vector<std::string> owned;
      for (size_t n = 0; n < 700; n += 1 + n / 8) {
        std::string text;
        for (size_t i = 0; i < n; ++i) {
          text += "ab.MIDDLEz ninechars x@y"[(i * 7 + n) % 24];
        }
        owned.push_back(text);
        const std::vector<std::string>& list =
            (*keywords)[(n * 13) % keywords->size()];
        owned.push_back(text.substr(0, n / 2) + (list.empty() ? "" : list[0]));
      }
      for (int i = 0; i < 9; ++i) { // a walk must not carry into the next
        owned.push_back(std::string("dle ninecha z mid").substr(0, 17 - i));
      }
      std::vector<std::string_view> texts(owned.begin(), owned.end());
      KeywordPrefilter::Walks walks;
      Flags seen(p.size(), 0);
      std::vector<uint32_t> hits;
      std::vector<uint32_t> ends;
      p.ascii_matches(texts, walks, seen, hits, ends);
      REQUIRE(ends.size() == texts.size());
      CHECK(std::count(seen.begin(), seen.end(), 1) == 0); // left clear
      for (size_t i = 0; i < texts.size(); ++i) {
        CAPTURE(texts[i]);
        std::span<const uint32_t> given(hits.data() + (i ? ends[i - 1] : 0),
                                        hits.data() + ends[i]);
        std::vector<uint32_t> got;
        p.matches(texts[i], given, seen, got);
        for (uint32_t hit : got) {
          seen[hit] = 0;
        }
        std::vector<uint32_t> want;
        p.matches(texts[i], seen, want);
        for (uint32_t hit : want) {
          seen[hit] = 0;
        }
        std::sort(got.begin(), got.end());
        std::sort(want.begin(), want.end());
        CHECK(got == want);
      }
    }
  }

  TEST_CASE("hits are appended once each, after what the list held") {
    KeywordPrefilter p(Keywords{{"one"}, {"two"}});
    Flags seen(2, 0);
    std::vector<uint32_t> hits = {7};
    p.candidates("two one two", seen, hits);
    CHECK(hits == std::vector<uint32_t>{7, 1, 0});
    p.candidates("one", seen, hits); // already seen: not again
    CHECK(hits.size() == 3);
  }

  TEST_CASE("many keywords") {
    Keywords keywords;
    for (int i = 0; i < 2000; ++i) {
      keywords.push_back({"kw" + std::to_string(i) + "x"});
    }
    KeywordPrefilter p(keywords);
    Flags out = run(p, "... KW1999X and kw7x, kw12 kw120 and kw1200x.");
    Flags expected(2000, 0);
    expected[1999] = 1;
    expected[7] = 1;
    expected[1200] = 1;
    CHECK(out == expected);
  }

  TEST_CASE("more states than 16-bit table entries hold") {
    // Over 32,768 states (one per distinct keyword prefix), so the scan
    // table has 32-bit entries.
    Keywords keywords;
    std::set<std::string> prefixes;
    uint32_t seed = 7;
    for (int i = 0; i < 5000; ++i) {
      std::string word;
      for (int k = 0; k < 10; ++k) {
        seed = seed * 1103515245u + 12345u;
        word += char('a' + (seed >> 16) % 26);
        prefixes.insert(word);
      }
      keywords.push_back({word});
    }
    REQUIRE(prefixes.size() + 1 > 32768);
    KeywordPrefilter p(keywords);
    for (size_t i : {0, 4321, 4999}) {
      Flags out = run(p, "... " + keywords[i][0] + " ...");
      CHECK(out[i] == 1);
      CHECK(std::count(out.begin(), out.end(), 1) == 1);
    }
    Flags none = run(p, "0123 4567 89");
    CHECK(std::count(none.begin(), none.end(), 1) == 0);
  }

  TEST_CASE("keywords of many bytes, ASCII and not: several table blocks") {
    // 90 ASCII bytes and UTF-8 text (more than twice 32 byte classes in
    // each automaton), keywords and texts drawn from them: the lists hit
    // are those whose keyword a plain search finds (ASCII letters in
    // either case).
    std::string bytes;
    for (char c = '!'; c <= 'z'; ++c) {
      bytes += c;
    }
    const std::vector<std::string> greek = {"α", "β", "γ", "δ", "ε", "ζ",
                                            "η", "θ", "ι", "κ", "λ", "μ",
                                            "ν", "ξ", "ο", "π", "ρ", "σ"};
    uint32_t seed = 11;
    auto next = [&](size_t n) {
      seed = seed * 1103515245u + 12345u;
      return size_t(seed >> 16) % n;
    };
    auto piece = [&] {
      return next(4) == 0 ? greek[next(greek.size())]
                          : std::string(1, bytes[next(bytes.size())]);
    };
    auto lower = [](std::string s) {
      for (char& c : s) {
        c = (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
      }
      return s;
    };
    Keywords keywords;
    for (int i = 0; i < 300; ++i) {
      std::string word;
      for (size_t k = 0, n = 2 + next(3); k < n; ++k) {
        word += piece();
      }
      keywords.push_back({lower(word)});
    }
    KeywordPrefilter p(keywords);
    for (int t = 0; t < 200; ++t) {
      std::string text;
      for (size_t k = 0, n = next(t % 4 == 0 ? 1500 : 300); k < n; ++k) {
        text += piece();
      }
      Flags expected(keywords.size(), 0);
      for (size_t i = 0; i < keywords.size(); ++i) {
        expected[i] = lower(text).find(keywords[i][0]) != std::string::npos;
      }
      CHECK(run(p, text) == expected);
    }
  }

  TEST_CASE("an empty keyword is in every text but the empty one") {
    KeywordPrefilter p(Keywords{{""}, {"ab"}});
    CHECK(run(p, "x") == Flags{1, 0});
    CHECK(run(p, "xab") == Flags{1, 1});
    CHECK(run(p, "") == Flags{0, 0});
  }

  TEST_CASE("one-byte keywords, eight and more, anywhere in the text") {
    // Nine punctuation keywords (two groups of the vector pass), a letter
    // (in the automaton, either case) and a longer keyword.
    const std::string marks = "@:./#-[=!";
    Keywords keywords;
    for (char mark : marks) {
      keywords.push_back({std::string(1, mark)});
    }
    keywords.push_back({"x"});
    keywords.push_back({"ab", "!"});
    KeywordPrefilter p(keywords);
    for (size_t size : {1, 15, 16, 17, 40, 200}) {
      for (size_t at = 0; at < size; at += 3) {
        for (size_t m = 0; m < marks.size(); ++m) {
          std::string text(size, 'z');
          text[at] = marks[m];
          Flags want(keywords.size(), 0);
          want[m] = 1;
          want.back() = marks[m] == '!' ? 1 : 0;
          CHECK_MESSAGE(run(p, text) == want, text);
        }
      }
    }
    Flags all = run(p, "X ab \xC3\xA9 @:./#-[=!");
    CHECK(std::count(all.begin(), all.end(), 1) == long(keywords.size()));
  }

  TEST_CASE("no rules") {
    KeywordPrefilter p(Keywords{});
    CHECK(run(p, "anything").empty());
  }

} // TEST_SUITE

} // namespace
} // namespace veil
