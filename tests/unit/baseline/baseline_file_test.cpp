#include "baseline/baseline_file.hpp"
#include "core/errors.hpp"

#include <doctest/doctest.h>

namespace veil {
namespace {

const std::string k_fp_a(64, 'a');
const std::string k_fp_b(64, 'b');

TEST_SUITE("baseline::baseline_file") {
  TEST_CASE("entries are sorted, deduplicated, one per line") {
    Baseline b;
    b.salt = "s1";
    b.entries.push_back({k_fp_b, "pii.email", "a.txt", 0});
    b.entries.push_back({k_fp_a, "secret.x", "", 0});
    b.entries.push_back({k_fp_b, "pii.email", "a.txt", 0});
    CHECK(format_baseline(b) ==
          "{\n  \"veil_baseline\": 1,\n  \"salt\": \"s1\",\n  \"entries\": [\n"
          "    {\"fingerprint\": \"" +
              k_fp_a +
              "\", \"rule\": \"secret.x\"},\n"
              "    {\"fingerprint\": \"" +
              k_fp_b +
              "\", \"rule\": \"pii.email\", \"file\": \"a.txt\"}\n  ]\n}\n");
  }

  TEST_CASE("an empty baseline is still valid JSON") {
    Baseline b;
    b.salt = "s";
    const std::string text = format_baseline(b);
    CHECK(text == "{\n  \"veil_baseline\": 1,\n  \"salt\": \"s\",\n"
                  "  \"entries\": []\n}\n");
    CHECK(parse_baseline(text, "b.json").entries.empty());
  }

  TEST_CASE("a written baseline reads back with each entry's line") {
    Baseline b;
    b.salt = "abc";
    b.entries.push_back({k_fp_a, "r.one", "", 0});
    b.entries.push_back({k_fp_b, "r.two", "dir/f.jsonl", 0});
    Baseline read = parse_baseline(format_baseline(b), "b.json");
    CHECK(read.salt == "abc");
    REQUIRE(read.entries.size() == 2);
    CHECK(read.entries[0].line == 5);
    CHECK(read.entries[1].line == 6);
    CHECK(read.entries[1].file == "dir/f.jsonl");
    CHECK(read.entries[1].rule == "r.two");
  }

  TEST_CASE("errors name the file and line") {
    CHECK_THROWS_WITH_AS(parse_baseline("{\n  \"x\": ,\n}", "b.json"),
                         "b.json:2: baseline: not valid JSON", RuleError);
    CHECK_THROWS_WITH_AS(parse_baseline("{\"veil_baseline\": 1e999}", "b.json"),
                         "b.json:1: baseline: not valid JSON (a number out of "
                         "range)",
                         RuleError);
    CHECK_THROWS_WITH_AS(parse_baseline("{\"salt\": \"s\"}", "b.json"),
                         "b.json:1: baseline: not a veil baseline (expected "
                         "\"veil_baseline\": 1)",
                         RuleError);
    CHECK_THROWS_WITH_AS(
        parse_baseline("{\"veil_baseline\": 1, \"salt\": \"s\",\n"
                       "\"entries\": [\n{\"fingerprint\": \"abc\", "
                       "\"rule\": \"r\"}]}",
                       "b.json"),
        "b.json:3: baseline: fingerprint: expected 64 lowercase hex digits",
        RuleError);
    CHECK_THROWS_WITH_AS(
        parse_baseline("{\"veil_baseline\": 1, \"salt\": \"s\", \"entries\": "
                       "[{\"fingerprint\": \"" +
                           k_fp_a + "\"}]}",
                       "b.json"),
        "b.json:1: baseline: rule: expected a rule id", RuleError);
  }

  TEST_CASE("salts are random hex") {
    const std::string a = new_baseline_salt();
    CHECK(a.size() == 32);
    CHECK(a != new_baseline_salt());
  }
}

} // namespace
} // namespace veil
