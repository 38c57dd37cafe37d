#include "core/errors.hpp"
#include "rules/builtin_packs.hpp"
#include "rules/toml_loader.hpp"

#include <doctest/doctest.h>

#include <string>

using veil::load_pack;
using veil::LoadOptions;
using veil::PackSpec;
using veil::RuleError;
using veil::Severity;

namespace {

// Line 1-4; the first [[rules]] table starts on line 5.
const std::string k_header = R"([pack]
name = "test"
version = "1.0.0"

)";

// A valid rule: lines 5-12 when appended to k_header.
const std::string k_rule = R"([[rules]]
id = "pii.email"
description = "Email address"
entity = "EMAIL_ADDRESS"
category = "pii"
severity = "medium"
regex = '''\S+@\S+'''
examples = { match = ["a@b.co"] }
)";

// The message load_pack throws for text, or "" when it loads.
std::string error_of(const std::string& text, LoadOptions options = {}) {
  try {
    load_pack(text, "rules/x.toml", options);
  } catch (const RuleError& e) {
    return e.what();
  }
  return "";
}

// k_rule with one line replaced (by its key) or, when absent, added.
std::string rule_with(const std::string& key, const std::string& line) {
  std::string rule = k_rule;
  const size_t at = rule.find("\n" + key + " = ");
  if (at == std::string::npos) {
    return rule + line + "\n";
  }
  const size_t end = rule.find('\n', at + 1);
  return rule.replace(at + 1, end - at - 1, line);
}

} // namespace

TEST_SUITE("rules::toml_loader") {

  TEST_CASE("a full rule loads with every field and location") {
    const std::string text = k_header + R"([[rules]]
id = "secret.deepseek"
description = "DeepSeek key"
entity = "DEEPSEEK_API_KEY"
category = "secret"
severity = "critical"
regex = '''\b(sk-[0-9a-f]{32})\b'''
group = 1
keywords = ["SK-", "DeepSeek"]
validator = "luhn"
entropy = 3
context = { words = ["DeepSeek"], window = 200, required = true, boost = 0.2 }
allow = ['''^sk-0+$''']
direction = "input"
style = "mask"
confidence = 0.9
[rules.examples]
match = ['''deepseek sk-0123456789abcdef0123456789abcdef''']
no_match = ["plain", "text"]
)";
    const PackSpec pack = load_pack(text, "rules/x.toml");
    CHECK(pack.name == "test");
    CHECK(pack.version == "1.0.0");
    CHECK(pack.description.empty());
    CHECK(pack.source == "rules/x.toml");
    REQUIRE(pack.rules.size() == 1);
    const veil::RuleSpec& rule = pack.rules[0];
    CHECK(rule.id == "secret.deepseek");
    CHECK(rule.entity == "DEEPSEEK_API_KEY");
    CHECK(rule.category == "secret");
    CHECK(rule.severity == Severity::critical);
    CHECK(rule.regex == R"(\b(sk-[0-9a-f]{32})\b)");
    CHECK(rule.group == 1);
    // Stored lowercased for the case-insensitive prefilter.
    CHECK(rule.keywords == std::vector<std::string>{"sk-", "deepseek"});
    CHECK(rule.validator == "luhn");
    CHECK(rule.entropy == 3.0);
    CHECK(rule.context.words == std::vector<std::string>{"deepseek"});
    CHECK(rule.context.window == 200);
    CHECK(rule.context.required);
    CHECK(rule.context.boost == 0.2);
    CHECK(rule.allow == std::vector<std::string>{"^sk-0+$"});
    CHECK(rule.direction == "input");
    CHECK(rule.style == "mask");
    CHECK(rule.confidence == 0.9);
    CHECK(rule.examples_match.size() == 1);
    CHECK(rule.examples_no_match == std::vector<std::string>{"plain", "text"});
    CHECK(rule.pack == "test");
    CHECK(rule.location.format() == "rules/x.toml:5:1");
    CHECK(rule.where("regex").format() == "rules/x.toml:11:9");
    CHECK(rule.where("context.window").format() == "rules/x.toml:16:44");
    CHECK(rule.where("examples.no_match").format() == "rules/x.toml:23:12");
    // A key that is absent falls back to the rule's table.
    CHECK(rule.where("nothing").format() == "rules/x.toml:5:1");
  }

  TEST_CASE("optional keys take their defaults") {
    const PackSpec pack = load_pack(k_header + k_rule, "rules/x.toml");
    REQUIRE(pack.rules.size() == 1);
    const veil::RuleSpec& rule = pack.rules[0];
    CHECK(rule.group == 0);
    CHECK(rule.keywords.empty());
    CHECK(rule.validator.empty());
    CHECK(rule.entropy == 0.0);
    CHECK(rule.context.words.empty());
    CHECK_FALSE(rule.context.required);
    CHECK(rule.direction == "any");
    CHECK(rule.style.empty());
    CHECK(rule.confidence == 0.8);
  }

  TEST_CASE("rules keep their order and a pack may have none") {
    const std::string second = rule_with("id", R"(id = "pii.email2")");
    const PackSpec pack = load_pack(k_header + k_rule + second, "p.toml");
    REQUIRE(pack.rules.size() == 2);
    CHECK(pack.rules[1].id == "pii.email2");
    CHECK(load_pack(k_header, "p.toml").rules.empty());
  }

  TEST_CASE("bad severity") {
    CHECK(error_of(k_header + rule_with("severity", R"(severity = "hgih")")) ==
          "rules/x.toml:10:12: rule pii.email: severity: expected one of info, "
          "low, medium, high, critical, got \"hgih\"");
  }

  TEST_CASE("unknown key, reported before the key it misspells is missing") {
    std::string rule = k_rule;
    rule.replace(rule.find("regex"), 5, "regx");
    CHECK(error_of(k_header + rule) ==
          "rules/x.toml:11:1: rule pii.email: regx: unknown key");
  }

  TEST_CASE("unknown keys in nested tables and the pack") {
    CHECK(error_of(k_header +
                   rule_with("context", "context = { wrods = [\"x\"] }")) ==
          "rules/x.toml:13:13: rule pii.email: context.wrods: unknown key");
    CHECK(
        error_of("[pack]\nname = \"p\"\nversion = \"1\"\nauthor = \"me\"\n") ==
        "rules/x.toml:4:1: pack.author: unknown key");
    CHECK(error_of(k_header + "[[rule]]\n") ==
          "rules/x.toml:5:3: rule: unknown key");
  }

  TEST_CASE("missing id") {
    std::string rule = k_rule;
    rule.erase(rule.find("id = "),
               rule.find('\n', rule.find("id = ")) - rule.find("id = ") + 1);
    CHECK(error_of(k_header + k_rule + rule) ==
          "rules/x.toml:13:1: rule #2: missing id");
  }

  TEST_CASE("missing required keys") {
    std::string rule = k_rule;
    rule.erase(rule.find("entity"),
               rule.find("category") - rule.find("entity"));
    CHECK(error_of(k_header + rule) ==
          "rules/x.toml:5:1: rule pii.email: missing entity");
  }

  TEST_CASE("duplicate id") {
    CHECK(error_of(k_header + k_rule + k_rule) ==
          "rules/x.toml:14:6: rule pii.email: duplicate id, first defined at "
          "line 6");
  }

  TEST_CASE("wrong type") {
    CHECK(error_of(k_header + rule_with("group", R"(group = "1")")) ==
          "rules/x.toml:13:9: rule pii.email: group: expected an integer, got "
          "a string");
    CHECK(error_of(k_header + rule_with("keywords", R"(keywords = "@")")) ==
          "rules/x.toml:13:12: rule pii.email: keywords: expected an array of "
          "strings, got a string");
    CHECK(
        error_of(k_header + rule_with("keywords", R"(keywords = ["@", 1])")) ==
        "rules/x.toml:13:18: rule pii.email: keywords[1]: expected a string, "
        "got an integer");
    CHECK(error_of(k_header + rule_with("entropy", R"(entropy = "high")")) ==
          "rules/x.toml:13:11: rule pii.email: entropy: expected a number, got "
          "a string");
    CHECK(error_of(k_header + rule_with("id", "id = 7")) ==
          "rules/x.toml:6:6: rule #1: id: expected a string, got an integer");
    CHECK(error_of("rules = [1]\n" + k_header) ==
          "rules/x.toml:1:10: rule #1: expected a table, got an integer");
    CHECK(error_of("pack = 1\n") ==
          "rules/x.toml:1:8: pack: expected a table, got an integer");
  }

  TEST_CASE("TOML syntax error") {
    // The message is toml++'s; the location is made ours.
    CHECK(error_of(k_header + rule_with("severity", "severity = medium")) ==
          "rules/x.toml:10:12: Error while parsing value: could not determine "
          "value type");
  }

  TEST_CASE("unknown validator") {
    // The list of names grows with the packs: check its frame only.
    std::string err =
        error_of(k_header + rule_with("validator", R"(validator = "lunh")"));
    CHECK(err.rfind("rules/x.toml:13:13: rule pii.email: validator: expected "
                    "one of ",
                    0) == 0);
    CHECK(err.find(" luhn, ") != std::string::npos);
    CHECK(err.substr(err.size() - 10) == "got \"lunh\"");
  }

  TEST_CASE("values out of range") {
    const std::string rules = k_header;
    CHECK(error_of(rules + rule_with("id", R"(id = "Pii.Email")")) ==
          "rules/x.toml:6:6: rule #1: id: expected dotted lowercase "
          "[a-z0-9_.-] such as \"pii.email\", got \"Pii.Email\"");
    CHECK(error_of(rules + rule_with("id", R"(id = "pii..email")")) ==
          "rules/x.toml:6:6: rule #1: id: expected dotted lowercase "
          "[a-z0-9_.-] such as \"pii.email\", got \"pii..email\"");
    CHECK(error_of(rules + rule_with("entity", R"(entity = "email")")) ==
          "rules/x.toml:8:10: rule pii.email: entity: expected uppercase "
          "[A-Z0-9_] such as \"EMAIL_ADDRESS\", got \"email\"");
    CHECK(error_of(rules + rule_with("category", R"(category = "pi")")) ==
          "rules/x.toml:9:12: rule pii.email: category: expected one of pii, "
          "secret, injection, output, custom, got \"pi\"");
    CHECK(error_of(rules + rule_with("group", "group = -1")) ==
          "rules/x.toml:13:9: rule pii.email: group: expected an integer >= 0, "
          "got -1");
    CHECK(error_of(rules + rule_with("entropy", "entropy = 9.5")) ==
          "rules/x.toml:13:11: rule pii.email: entropy: expected a number from "
          "0 to 8 (bits per byte), got 9.5");
    CHECK(error_of(rules + rule_with("confidence", "confidence = 0")) ==
          "rules/x.toml:13:14: rule pii.email: confidence: expected a number "
          "greater than 0 and at most 1, got 0");
    CHECK(error_of(rules + rule_with("direction", R"(direction = "in")")) ==
          "rules/x.toml:13:13: rule pii.email: direction: expected one of any, "
          "input, output, got \"in\"");
    CHECK(error_of(rules + rule_with("style", R"(style = "blur")")) ==
          "rules/x.toml:13:9: rule pii.email: style: expected one of label, "
          "mask, partial, hash, remove, encrypt, none, got \"blur\"");
    CHECK(error_of(rules + rule_with("keywords", R"(keywords = [""])")) ==
          "rules/x.toml:13:13: rule pii.email: keywords[0]: expected a "
          "non-empty string");
    CHECK(error_of(rules + rule_with("keywords", "keywords = []")) ==
          "rules/x.toml:13:12: rule pii.email: keywords: expected at least one "
          "keyword (leave the key out to run the rule on every text)");
    CHECK(error_of(rules + rule_with("regex", "regex = ''")) ==
          "rules/x.toml:11:9: rule pii.email: regex: expected a non-empty "
          "string");
    CHECK(error_of(rules + rule_with("context", "context = { window = 9 }")) ==
          "rules/x.toml:13:11: rule pii.email: missing context.words");
    CHECK(error_of(rules +
                   rule_with("context",
                             "context = { words = [\"x\"], window = -1 }")) ==
          "rules/x.toml:13:37: rule pii.email: context.window: expected an "
          "integer >= 0 (bytes), got -1");
  }

  TEST_CASE("pack header") {
    CHECK(error_of("") == "rules/x.toml:1:1: missing [pack] table");
    CHECK(error_of("[pack]\nname = \"p\"\n") ==
          "rules/x.toml:1:1: missing pack.version");
    CHECK(error_of("[pack]\nname = 1\n") ==
          "rules/x.toml:2:8: pack.name: expected a string, got an integer");
    CHECK(error_of("[pakc]\n") == "rules/x.toml:1:2: pakc: unknown key");
  }

  TEST_CASE("examples: required unless the caller allows none") {
    std::string rule = k_rule;
    rule.erase(rule.find("examples"));
    CHECK(error_of(k_header + rule) ==
          "rules/x.toml:5:1: rule pii.email: missing examples");
    CHECK(error_of(k_header + rule, LoadOptions{false}).empty());
    CHECK(error_of(k_header + rule + "examples = { no_match = [\"x\"] }\n") ==
          "rules/x.toml:12:12: rule pii.email: missing examples.match");
    CHECK(error_of(k_header + rule + "examples = { match = [] }\n") ==
          "rules/x.toml:12:22: rule pii.email: examples.match: expected at "
          "least one example");
    CHECK(error_of(k_header + rule + "examples = { matches = [\"x\"] }\n") ==
          "rules/x.toml:12:14: rule pii.email: examples.matches: unknown key");
  }

  TEST_CASE("every built-in pack loads") {
    for (const veil::rules::EmbeddedPack& source :
         veil::rules::builtin_pack_sources()) {
      CAPTURE(source.name);
      const PackSpec pack = load_pack(source.text, std::string(source.name));
      CHECK_FALSE(pack.rules.empty());
    }
  }

} // TEST_SUITE
