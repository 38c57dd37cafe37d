#include "core/errors.hpp"
#include "rules/catalog.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace veil {
namespace {

// Rule files written under a fresh temporary directory, removed at scope
// exit: load_catalog reads --rules files by path.
class RuleFiles {
public:
  RuleFiles() {
    std::string tmpl =
        (std::filesystem::temp_directory_path() / "veil-catalog-XXXXXX")
            .string();
    std::vector<char> buffer(tmpl.begin(), tmpl.end());
    buffer.push_back('\0');
    REQUIRE(::mkdtemp(buffer.data()) != nullptr);
    m_dir = buffer.data();
  }
  ~RuleFiles() {
    std::error_code ec;
    std::filesystem::remove_all(m_dir, ec);
  }
  RuleFiles(const RuleFiles&) = delete;
  RuleFiles& operator=(const RuleFiles&) = delete;

  std::string write(const std::string& name, const std::string& text) {
    std::string path = (m_dir / name).string();
    std::ofstream out(path, std::ios::binary);
    out << text;
    return path;
  }
  std::string path(const std::string& name) const {
    return (m_dir / name).string();
  }

private:
  std::filesystem::path m_dir;
};

std::string pack(const std::string& name, const std::string& rules) {
  return "[pack]\nname = \"" + name + "\"\nversion = \"1.0.0\"\n\n" + rules;
}

std::string rule(const std::string& id, const std::string& entity,
                 const std::string& category,
                 const std::string& severity = "medium",
                 const std::string& regex = "x+") {
  return "[[rules]]\nid = \"" + id + "\"\ndescription = \"d\"\nentity = \"" +
         entity + "\"\ncategory = \"" + category + "\"\nseverity = \"" +
         severity + "\"\nregex = '''" + regex +
         "'''\nexamples = { match = [\"x\"] }\n\n";
}

std::vector<std::string> ids(const Catalog& catalog) {
  std::vector<std::string> out;
  for (const RuleSpec& r : catalog.rules) {
    out.push_back(r.id);
  }
  return out;
}

using Ids = std::vector<std::string>;

// Three packs: a base, an override, and a custom pack.
struct Fixture {
  RuleFiles files;
  std::string base = files.write(
      "base.toml",
      pack("base",
           rule("pii.email", "EMAIL_ADDRESS", "pii") +
               rule("pii.phone", "PHONE_NUMBER", "pii") +
               rule("secret.aws", "AWS_KEY", "secret", "high") +
               rule("injection.override", "PROMPT_INJECTION", "injection")));
  std::string user = files.write(
      "user.toml",
      pack("user",
           rule("pii.phone", "PHONE_NUMBER", "pii", "critical", "[0-9]{10}") +
               rule("custom.codename", "CODENAME", "custom")));

  CatalogOptions options(std::vector<std::string> rule_files) const {
    CatalogOptions o;
    o.builtin = false;
    o.rule_files = std::move(rule_files);
    return o;
  }
};

TEST_SUITE("rules::catalog") {

  TEST_CASE_FIXTURE(Fixture, "one file: its rules in order") {
    Catalog c = load_catalog(options({base}));
    CHECK(ids(c) ==
          Ids{"pii.email", "pii.phone", "secret.aws", "injection.override"});
    REQUIRE(c.packs.size() == 1);
    CHECK(c.packs[0].name == "base");
    CHECK(c.packs[0].source == base);
    CHECK(c.rules[2].severity == Severity::high);
    CHECK(c.rules[0].pack == "base");
  }

  TEST_CASE_FIXTURE(Fixture, "a later file replaces rules by id in place") {
    Catalog c = load_catalog(options({base, user}));
    CHECK(ids(c) == Ids{"pii.email", "pii.phone", "secret.aws",
                        "injection.override", "custom.codename"});
    REQUIRE(c.packs.size() == 2);
    CHECK(c.packs[1].source == user);
    const RuleSpec& phone = c.rules[1];
    CHECK(phone.severity == Severity::critical);
    CHECK(phone.regex == "[0-9]{10}");
    CHECK(phone.pack == "user");
    CHECK(phone.location.file == user);
    CHECK(c.rules[4].pack == "user");
  }

  TEST_CASE_FIXTURE(Fixture, "the order of files decides who wins") {
    Catalog c = load_catalog(options({user, base}));
    CHECK(ids(c) == Ids{"pii.phone", "custom.codename", "pii.email",
                        "secret.aws", "injection.override"});
    CHECK(c.rules[0].severity == Severity::medium);
    CHECK(c.rules[0].pack == "base");
  }

  TEST_CASE_FIXTURE(Fixture, "--only selects by id, entity or category") {
    CatalogOptions o = options({base, user});
    o.only = {"secret.aws"};
    CHECK(ids(load_catalog(o)) == Ids{"secret.aws"});
    o.only = {"PHONE_NUMBER", "custom"};
    CHECK(ids(load_catalog(o)) == Ids{"pii.phone", "custom.codename"});
    o.only = {"pii"};
    CHECK(ids(load_catalog(o)) == Ids{"pii.email", "pii.phone"});
    o.only = {"no.such.rule"};
    CHECK(ids(load_catalog(o)).empty());
    // Names are exact: no prefixes, no case folding.
    o.only = {"pii.e", "Pii", "email_address"};
    CHECK(ids(load_catalog(o)).empty());
  }

  TEST_CASE_FIXTURE(Fixture, "--disable drops by id, entity or category") {
    CatalogOptions o = options({base, user});
    o.disable = {"pii.email"};
    CHECK(ids(load_catalog(o)) == Ids{"pii.phone", "secret.aws",
                                      "injection.override", "custom.codename"});
    o.disable = {"injection", "AWS_KEY"};
    CHECK(ids(load_catalog(o)) ==
          Ids{"pii.email", "pii.phone", "custom.codename"});
  }

  TEST_CASE_FIXTURE(Fixture, "--disable wins over --only") {
    CatalogOptions o = options({base, user});
    o.only = {"pii"};
    o.disable = {"pii.phone"};
    CHECK(ids(load_catalog(o)) == Ids{"pii.email"});
  }

  TEST_CASE_FIXTURE(Fixture, "packs are all kept, whatever the selection") {
    CatalogOptions o = options({base, user});
    o.only = {"custom"};
    Catalog c = load_catalog(o);
    CHECK(c.packs.size() == 2);
    CHECK(c.packs[0].rules == 4);
  }

  TEST_CASE("no files and no built-ins: no rules") {
    CatalogOptions o;
    o.builtin = false;
    Catalog c = load_catalog(o);
    CHECK(c.rules.empty());
    CHECK(c.packs.empty());
  }

  TEST_CASE("an unreadable file is a usage error naming it") {
    RuleFiles files;
    CatalogOptions o;
    o.builtin = false;
    o.rule_files = {files.path("missing.toml")};
    CHECK_THROWS_AS(load_catalog(o), UsageError);
    CHECK_THROWS_WITH(
        load_catalog(o),
        (files.path("missing.toml") + ": cannot read rule file").c_str());
  }

  TEST_CASE("a bad rule file is a rule error located in it") {
    RuleFiles files;
    const std::string path =
        files.write("bad.toml", pack("bad", "[[rules]]\nid = \"x.y\"\n"));
    CatalogOptions o;
    o.builtin = false;
    o.rule_files = {path};
    CHECK_THROWS_AS(load_catalog(o), RuleError);
    try {
      load_catalog(o);
    } catch (const RuleError& e) {
      CHECK(std::string(e.what()).rfind(path + ":", 0) == 0);
    }
  }

  TEST_CASE("a user's rule may leave its examples out") {
    RuleFiles files;
    const std::string path = files.write(
        "quick.toml", pack("quick", "[[rules]]\nid = \"custom.codename\"\n"
                                    "description = \"d\"\n"
                                    "entity = \"CODENAME\"\n"
                                    "category = \"custom\"\n"
                                    "severity = \"high\"\n"
                                    "regex = '''Project Falcon'''\n"));
    CatalogOptions o;
    o.builtin = false;
    o.rule_files = {path};
    Catalog c;
    CHECK_NOTHROW(c = load_catalog(o));
    CHECK(ids(c) == Ids{"custom.codename"});
  }

  TEST_CASE("built-in packs load and a user file overrides one of them") {
    CatalogOptions builtin_only;
    Catalog builtin = load_catalog(builtin_only);
    REQUIRE_FALSE(builtin.rules.empty());
    const RuleSpec& first = builtin.rules.front();

    RuleFiles files;
    const std::string path = files.write(
        "override.toml",
        pack("mine", rule(first.id, first.entity, first.category, "info")));
    CatalogOptions o;
    o.rule_files = {path};
    Catalog c = load_catalog(o);
    CHECK(c.rules.size() == builtin.rules.size());
    CHECK(c.packs.size() == builtin.packs.size() + 1);
    CHECK(c.rules.front().id == first.id);
    CHECK(c.rules.front().severity == Severity::info);
    CHECK(c.rules.front().pack == "mine");
  }

} // TEST_SUITE

} // namespace
} // namespace veil
