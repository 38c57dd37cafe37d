#include "rules/terms.hpp"
#include "scanner/scanner.hpp"

#include <doctest/doctest.h>

namespace veil {
namespace {

std::vector<std::string> found(const std::vector<std::string>& terms,
                               const std::string& text) {
  std::vector<RuleSpec> specs{terms_rule(terms)};
  RuleSet rules(specs);
  Scanner scanner(rules);
  Record record;
  record.content = text;
  Field field;
  field.text = text;
  field.raw_end = static_cast<uint32_t>(text.size());
  record.fields.push_back(field);
  std::vector<Match> matches;
  scanner.scan(record, matches);
  std::vector<std::string> out;
  for (const Match& m : matches) {
    out.push_back(text.substr(m.start, m.end - m.start));
  }
  return out;
}

TEST_SUITE("rules::terms") {
  TEST_CASE("parse_terms trims and skips comments and blank lines") {
    CHECK(parse_terms("  Falcon \n# comment\n\nacme corp # customer\r\n") ==
          std::vector<std::string>{"Falcon", "acme corp"});
  }

  TEST_CASE("terms are whole words in any case, longest first") {
    CHECK(found({"Falcon", "Falcon Cloud"},
                "falcon cloud and FALCON, falconry") ==
          std::vector<std::string>{"falcon cloud", "FALCON"});
  }

  TEST_CASE("regex characters in terms are literal; non-ASCII edges work") {
    CHECK(found({"C++ Team", "Müller"}, "the c++ team and MÜLLER") ==
          std::vector<std::string>{"c++ team", "MÜLLER"});
    CHECK(terms_rule({"Müller"}).keywords.empty());
    CHECK(terms_rule({"Acme"}).keywords == std::vector<std::string>{"acme"});
  }
}

} // namespace
} // namespace veil
