#include "rules/builtin_packs.hpp"
#include "rules/spec_codec.hpp"

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace veil {
namespace {

// Every field away from its default, so that a field the codec dropped or
// swapped shows.
PackSpec full_pack() {
  RuleSpec rule;
  rule.id = "custom.codename";
  rule.description = "Project codenames";
  rule.entity = "CODENAME";
  rule.category = "custom";
  rule.severity = Severity::critical;
  rule.regex = "(?i)\\b(falcon|heron)-[0-9]{2,}\\b";
  rule.group = 1;
  rule.keywords = {"falcon", "heron"};
  rule.validator = "luhn";
  rule.validator_mode = "score";
  rule.entropy = 3.25;
  rule.context = {{"project", "code"}, 200, true, 0.3, "key", {"public_key"}};
  rule.allow = {"falcon-00"};
  rule.direction = "output";
  rule.style = "hash";
  rule.confidence = 0.55;
  rule.pairs_with = {"secret.aws_key_id"};
  rule.examples_match = {"falcon-12", "x\xe2\x80\x8b\x00y"};
  rule.examples_no_match = {""};
  rule.pack = "mine";
  rule.builtin = true;
  rule.location = {"rules/mine.toml", 70000, 3};
  rule.key_positions = {{"context.window", {74, 1}}, {"regex", {72, 9}}};
  return PackSpec{"mine", "1.2.3", "My rules", "rules/mine.toml", {rule, {}}};
}

TEST_CASE("spec codec: every field comes back") {
  const PackSpec full = full_pack();
  const std::string bytes = encode_packs({full, PackSpec{}});
  const std::vector<PackSpec> packs = decode_packs(bytes);
  REQUIRE(packs.size() == 2);
  REQUIRE(packs[0].rules.size() == 2);
  const RuleSpec& rule = packs[0].rules[0];
  const RuleSpec& want = full.rules[0];
  CHECK(packs[0].name == "mine");
  CHECK(packs[0].version == "1.2.3");
  CHECK(packs[0].description == "My rules");
  CHECK(packs[0].source == "rules/mine.toml");
  CHECK(rule.id == want.id);
  CHECK(rule.description == want.description);
  CHECK(rule.entity == want.entity);
  CHECK(rule.category == want.category);
  CHECK(rule.severity == want.severity);
  CHECK(rule.regex == want.regex);
  CHECK(rule.group == want.group);
  CHECK(rule.keywords == want.keywords);
  CHECK(rule.validator == want.validator);
  CHECK(rule.validator_mode == want.validator_mode);
  CHECK(rule.entropy == want.entropy);
  CHECK(rule.context.words == want.context.words);
  CHECK(rule.context.window == want.context.window);
  CHECK(rule.context.required == want.context.required);
  CHECK(rule.context.boost == want.context.boost);
  CHECK(rule.context.where == want.context.where);
  CHECK(rule.context.not_keys == want.context.not_keys);
  CHECK(rule.allow == want.allow);
  CHECK(rule.direction == want.direction);
  CHECK(rule.style == want.style);
  CHECK(rule.confidence == want.confidence);
  CHECK(rule.pairs_with == want.pairs_with);
  CHECK(rule.examples_match == want.examples_match);
  CHECK(rule.examples_no_match == want.examples_no_match);
  CHECK(rule.pack == want.pack);
  CHECK(rule.builtin == want.builtin);
  CHECK(rule.location.format() == "rules/mine.toml:70000:3");
  CHECK(rule.where("regex").format() == "rules/mine.toml:72:9");
  CHECK(rule.where("context.window").format() == "rules/mine.toml:74:1");
  CHECK(rule.key_positions.size() == 2);
  CHECK(encode_packs(packs) == bytes);
  CHECK(decode_packs(encode_packs({})).empty());
}

TEST_CASE("spec codec: bytes that end early or run on are refused") {
  const std::string bytes = encode_packs({full_pack()});
  for (size_t size = 0; size < bytes.size(); ++size) {
    CHECK_THROWS_AS(decode_packs(bytes.substr(0, size)), std::runtime_error);
  }
  CHECK_THROWS_AS(decode_packs(bytes + '\0'), std::runtime_error);
  // A list claiming more items than there are bytes left.
  CHECK_THROWS_AS(decode_packs("\xff\xff\xff\xff\x0f"), std::runtime_error);
}

TEST_CASE("built-in pack specs: what parsing the TOML gives, decoded whole") {
  const std::string_view built = rules::builtin_pack_specs();
  CHECK(rules::encode_builtin_packs() == built);
  const std::vector<PackSpec> packs = decode_packs(built);
  CHECK(packs.size() == rules::builtin_pack_sources().size());
  CHECK(encode_packs(packs) == built);
  for (const PackSpec& pack : packs) {
    for (const RuleSpec& rule : pack.rules) {
      CHECK(rule.builtin);
      CHECK(rule.examples_match.empty());
      CHECK(rule.key_positions.empty());
    }
  }
}

} // namespace
} // namespace veil
