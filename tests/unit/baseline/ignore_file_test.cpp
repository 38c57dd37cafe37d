#include "baseline/ignore_file.hpp"
#include "core/errors.hpp"

#include <doctest/doctest.h>

namespace veil {
namespace {

using Kind = IgnoreEntry::Kind;

TEST_SUITE("baseline::ignore_file") {
  TEST_CASE("entries are classified by shape or prefix, reasons kept") {
    const std::string fp(64, 'c');
    IgnoreFile f = parse_ignore_file("# header\n\n" + fp +
                                         "  # rotated key\n"
                                         "secret.generic_password\n"
                                         "tests/fixtures/**\t# fake data\n"
                                         "rule:pii.email\npath:notes\n"
                                         "*.pem\n",
                                     ".veilignore", ".");
    REQUIRE(f.entries.size() == 6);
    CHECK(f.entries[0].kind == Kind::fingerprint);
    CHECK(f.entries[0].reason == "rotated key");
    CHECK(f.entries[0].line == 3);
    CHECK(f.entries[1].kind == Kind::rule_or_path);
    CHECK(f.entries[2].kind == Kind::path);
    CHECK(f.entries[2].value == "tests/fixtures/**");
    CHECK(f.entries[2].reason == "fake data");
    CHECK(f.entries[3].kind == Kind::rule);
    CHECK(f.entries[3].value == "pii.email");
    CHECK(f.entries[4].kind == Kind::path);
    CHECK(f.entries[5].kind == Kind::path);
  }

  TEST_CASE("errors name the file and line") {
    CHECK_THROWS_WITH_AS(parse_ignore_file("ok\nrule:\n", "v", "."),
                         "v:2: veilignore: rule: needs a value", RuleError);
    CHECK_THROWS_WITH_AS(
        parse_ignore_file("fingerprint:abc\n", "v", "."),
        "v:1: veilignore: fingerprint: expected 64 lowercase hex digits",
        RuleError);
    CHECK_THROWS_WITH_AS(
        parse_ignore_file("a b\n", "v", "."),
        "v:1: veilignore: one entry per line (put a reason after \" # \")",
        RuleError);
  }
}

} // namespace
} // namespace veil
