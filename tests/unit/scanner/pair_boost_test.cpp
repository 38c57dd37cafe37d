#include "rule_util.hpp"
#include "scanner/pair_boost.hpp"
#include "scanner/scanner.hpp"

#include <doctest/doctest.h>

#include <vector>

namespace veil {
namespace {

using test::make_field;
using test::make_record;
using test::make_rule;

std::vector<RuleSpec> key_and_secret() {
  RuleSpec id = make_rule("t.key_id", R"(KID\d{4})", Severity::high);
  id.confidence = 0.8;
  id.pairs_with = {"t.secret"};
  std::vector<RuleSpec> v;
  v.push_back(id);
  v.push_back(make_rule("t.secret", R"(SEC\d{4})", Severity::critical));
  return v;
}

std::vector<Match> scan(const RuleSet& rules, const Record& record) {
  Scanner scanner(rules);
  std::vector<Match> out;
  scanner.scan(record, out);
  return out;
}

TEST_SUITE("scanner::pair_boost") {

  TEST_CASE("a partner in another field of the record raises the match") {
    RuleSet rules(key_and_secret());
    std::vector<Match> m = scan(
        rules, make_record({make_field("id KID1234"), make_field("SEC9999")}));
    REQUIRE(m.size() == 2);
    CHECK(m[0].rule->spec().id == "t.key_id");
    CHECK(m[0].severity == Severity::critical);
    CHECK(m[0].confidence == doctest::Approx(0.9));
    CHECK(m[1].severity == Severity::critical);
  }

  TEST_CASE("alone, the match keeps its severity") {
    RuleSet rules(key_and_secret());
    std::vector<Match> m = scan(rules, make_record({make_field("KID1234")}));
    REQUIRE(m.size() == 1);
    CHECK(m[0].severity == Severity::high);
    CHECK(m[0].confidence == doctest::Approx(0.8));
  }

  TEST_CASE("earlier records' matches are not partners") {
    RuleSet rules(key_and_secret());
    Scanner scanner(rules);
    std::vector<Match> out;
    scanner.scan(make_record({make_field("SEC0000")}), out);
    scanner.scan(make_record({make_field("KID1234")}), out);
    REQUIRE(out.size() == 2);
    CHECK(out[1].severity == Severity::high);
  }
}

} // namespace
} // namespace veil
