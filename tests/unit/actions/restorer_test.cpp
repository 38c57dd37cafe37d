#include "actions/key_material.hpp"
#include "actions/restorer.hpp"

#include <doctest/doctest.h>

#include <string>

namespace veil {
namespace {

struct Run {
  std::string out;
  RestoreCounts counts;
  bool changed = false;
};

Run restore(const Restorer& restorer_in, std::string_view text) {
  Restorer restorer = restorer_in;
  Run run;
  run.changed = restorer.restore(text, run.out, run.counts);
  return run;
}

TEST_SUITE("actions::restorer") {

  TEST_CASE("vault placeholders are replaced, the rest is copied") {
    Vault vault;
    vault.add("[EMAIL_ADDRESS_1]", "jane@x.com");
    vault.add("[PERSON:9f86d081884c7d65]", "Ann");
    Restorer restorer(&vault, nullptr);
    Run r = restore(restorer, "Write to [EMAIL_ADDRESS_1], dear "
                              "[PERSON:9f86d081884c7d65]! [EMAIL_ADDRESS_1]");
    CHECK(r.out == "Write to jane@x.com, dear Ann! jane@x.com");
    CHECK(r.changed);
    CHECK(r.counts.restored == 3);
    CHECK(r.counts.unknown == 0);
  }

  TEST_CASE("unknown placeholders stay and are counted; other brackets too") {
    Vault vault;
    vault.add("[EMAIL_ADDRESS_1]", "jane@x.com");
    Restorer restorer(&vault, nullptr);
    Run r = restore(restorer, "[EMAIL_ADDRESS_2] [1] [sic] [a_1] "
                              "[PERSON:0123456789abcdef] [x");
    CHECK(r.out == "[EMAIL_ADDRESS_2] [1] [sic] [a_1] "
                   "[PERSON:0123456789abcdef] [x");
    CHECK_FALSE(r.changed);
    CHECK(r.counts.unknown == 2);
  }

  TEST_CASE("the innermost brackets hold the placeholder") {
    Vault vault;
    vault.add("[E_1]", "v");
    Restorer restorer(&vault, nullptr);
    CHECK(restore(restorer, "a[b [E_1]] [[E_1]").out == "a[b v] [v");
    CHECK(restore(restorer, "[E_1][E_1]").out == "vv");
    CHECK(restore(restorer, "]][E_1").out == "]][E_1");
  }

  TEST_CASE("encrypt tokens open with the key, without a vault") {
    KeyMaterial keys(std::string("k"));
    TokenCipher cipher(keys.subkey(KeyPurpose::encrypt));
    std::string token = cipher.token("PHONE_NUMBER", "+1 202 555 0143");
    Restorer restorer(nullptr, &cipher);
    Run r = restore(restorer, "call " + token + " now");
    CHECK(r.out == "call +1 202 555 0143 now");
    CHECK(r.counts.restored == 1);

    TokenCipher other(
        KeyMaterial(std::string("k2")).subkey(KeyPurpose::encrypt));
    Restorer wrong_key(nullptr, &other);
    Run w = restore(wrong_key, token);
    CHECK(w.out == token);
    CHECK(w.counts.unknown == 1);
  }

} // TEST_SUITE

} // namespace
} // namespace veil
