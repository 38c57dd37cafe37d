#include "../sinks/temp_dir.hpp"
#include "actions/vault.hpp"
#include "core/errors.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <sys/stat.h>

namespace veil {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

TEST_SUITE("actions::vault") {

  TEST_CASE("to_json: sorted entries, one per line, escaped") {
    Vault vault;
    CHECK(vault.add("[PERSON_1]", "Zo\xC3\xAB \"Z\""));
    CHECK(vault.add("[EMAIL_ADDRESS_1]", "a@x.com"));
    CHECK(vault.to_json() == R"({
  "entries": {
    "[EMAIL_ADDRESS_1]": "a@x.com",
    "[PERSON_1]": "Zoë \"Z\""
  },
  "format": "veil-vault",
  "version": 1
}
)");
  }

  TEST_CASE("parse reads what to_json wrote") {
    Vault vault;
    vault.add("[E_1]", "line\nbreak\ttab\\");
    vault.add("[E:enc:AAAA]", "x");
    Vault again = Vault::parse(vault.to_json(), "v.json");
    CHECK(again.entries() == vault.entries());
  }

  TEST_CASE("a placeholder keeps its first value; conflicts are counted") {
    Vault vault;
    CHECK(vault.add("[E_1]", "a"));
    CHECK(vault.add("[E_1]", "a"));
    CHECK_FALSE(vault.add("[E_1]", "A"));
    CHECK(*vault.find("[E_1]") == "a");
    CHECK(vault.conflicts() == 1);
    CHECK(vault.find("[E_2]") == nullptr);
  }

  TEST_CASE("errors name the file and position, never a value") {
    CHECK_THROWS_WITH_AS(
        Vault::parse("{\n  \"entries\": {\"[E_1]\": jane}", "v.json"),
        "v.json:2:24: vault: not valid JSON", InputError);
    // nlohmann reports an overflowing number apart, quoting it.
    CHECK_THROWS_WITH_AS(
        Vault::parse("7e801056349", "v.json"),
        "v.json: vault: not valid JSON (a number out of range)", InputError);
    CHECK_THROWS_WITH_AS(Vault::parse("[]", "v.json"),
                         "v.json: vault: not a JSON object", InputError);
    CHECK_THROWS_WITH_AS(
        Vault::parse(R"({"format":"sarif","version":1,"entries":{}})", "v"),
        "v: vault: \"format\" is not \"veil-vault\" (not a veil vault)",
        InputError);
    CHECK_THROWS_WITH_AS(
        Vault::parse(R"({"format":"veil-vault","version":2,"entries":{}})",
                     "v"),
        "v: vault: unsupported \"version\" (this veil reads version 1)",
        InputError);
    CHECK_THROWS_WITH_AS(
        Vault::parse(R"({"format":"veil-vault","version":1})", "v"),
        "v: vault: \"entries\" is missing or not an object", InputError);
    CHECK_THROWS_WITH_AS(
        Vault::parse(
            R"({"format":"veil-vault","version":1,"entries":{"[E_1]":7}})",
            "v"),
        "v: vault: entry [E_1]: the value is not a string", InputError);
  }

  TEST_CASE("save writes mode 0600 atomically; load reads it back") {
    sinks_test::TempDir dir;
    std::string path = dir.file("v.json");
    Vault vault;
    vault.add("[E_1]", "secret");
    vault.save(path);
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(read_file(path) == vault.to_json());
    CHECK(Vault::load(path, true).entries() == vault.entries());
  }

  TEST_CASE("load: a missing vault is empty unless it must exist") {
    sinks_test::TempDir dir;
    std::string path = dir.file("none.json");
    CHECK(Vault::load(path, false).size() == 0);
    CHECK_THROWS_WITH_AS(Vault::load(path, true),
                         (path + ": No such file or directory").c_str(),
                         InputError);
  }

} // TEST_SUITE

} // namespace
} // namespace veil
