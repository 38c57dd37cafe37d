#include "core/errors.hpp"
#include "policy/policy_loader.hpp"

#include <doctest/doctest.h>

namespace veil::policy {
namespace {

Policy load(std::string_view text) {
  Policy p;
  merge_policy_text(text, "p.toml", p, true);
  return p;
}

void check_error(std::string_view text, const std::string& message) {
  Policy p;
  CHECK_THROWS_WITH_AS(merge_policy_text(text, "p.toml", p, true),
                       message.c_str(), RuleError);
}

TEST_SUITE("policy::policy_loader") {
  TEST_CASE("the shape of the issue loads") {
    Policy p = load("[policy]\nmode = \"allow\"\n"
                    "[[policy.fields]]\npath = \"/metadata/user_email\"\n"
                    "action = \"drop\"\n"
                    "[[policy.fields]]\npath = \"/messages/*/content\"\n"
                    "action = \"scan\"\n"
                    "[[policy.fields]]\npath = \"/messages/*/name\"\n"
                    "truncate = 8\n"
                    "[[policy.entities]]\nmatch = \"secret\"\n"
                    "style = \"remove\"\n"
                    "[[policy.records]]\nmin_severity = \"critical\"\n");
    CHECK(p.mode == Mode::allow);
    REQUIRE(p.fields.size() == 3);
    CHECK(p.fields[0].action == FieldAction::drop);
    CHECK(p.fields[2].action == FieldAction::truncate);
    CHECK(p.fields[2].truncate == 8);
    CHECK(p.fields[0].where.format() == "p.toml:3:1");
    REQUIRE(p.entities.size() == 1);
    CHECK(p.entities[0].style == Style::remove);
    REQUIRE(p.records.size() == 1);
    CHECK(p.records[0].min_severity == Severity::critical);
  }

  TEST_CASE("the deepest named node wins, then the first listed") {
    Policy p = load("[policy]\n"
                    "[[policy.fields]]\npath = \"/metadata\"\n"
                    "action = \"keep\"\n"
                    "[[policy.fields]]\npath = \"/metadata/email\"\n"
                    "action = \"drop\"\n"
                    "[[policy.fields]]\npath = \"/metadata/*\"\n"
                    "action = \"hash\"\n");
    CHECK(p.field_rule("/metadata/email")->action == FieldAction::drop);
    CHECK(p.field_rule("/metadata/ip")->action == FieldAction::hash);
    CHECK(p.field_rule("/metadata")->action == FieldAction::keep);
    CHECK(p.field_rule("/other") == nullptr);
  }

  TEST_CASE("entity and record rules match category, entity or rule id") {
    Policy p = load("[policy]\n"
                    "[[policy.entities]]\nmatch = \"EMAIL_ADDRESS\"\n"
                    "style = \"hash\"\ndirection = \"output\"\n"
                    "[[policy.entities]]\nmatch = \"pii\"\nstyle = \"mask\"\n"
                    "[[policy.records]]\nmatch = \"secret\"\n"
                    "min_severity = \"high\"\nreason = \"no keys\"\n");
    CHECK(p.style_for("pii.email", "EMAIL_ADDRESS", "pii", Direction::output,
                      "assistant") == Style::hash);
    CHECK(p.style_for("pii.email", "EMAIL_ADDRESS", "pii", Direction::input,
                      "user") == Style::mask);
    CHECK_FALSE(p.style_for("secret.x", "KEY", "secret", Direction::input, ""));
    CHECK(p.reject_rule("secret.x", "KEY", "secret", Severity::critical,
                        Direction::input)
              ->reason == "no keys");
    CHECK(p.reject_rule("secret.x", "KEY", "secret", Severity::medium,
                        Direction::input) == nullptr);
  }

  TEST_CASE("a later file's rules come first and its scalars win") {
    Policy p;
    merge_policy_text("[policy]\nmode = \"allow\"\n[[policy.fields]]\n"
                      "path = \"/a\"\naction = \"keep\"\n",
                      ".veil.toml", p, false);
    merge_policy_text("[policy]\n[[policy.fields]]\npath = \"/a\"\n"
                      "action = \"drop\"\n",
                      "flag.toml", p, true);
    CHECK(p.mode == Mode::allow);
    CHECK(p.field_rule("/a")->action == FieldAction::drop);
    CHECK(p.sources == std::vector<std::string>{".veil.toml", "flag.toml"});
  }

  TEST_CASE("errors name FILE:LINE:COL and what is wrong") {
    check_error("[policy]\nmode = \"strict\"\n",
                "p.toml:2:8: policy: mode: expected deny or allow, got "
                "\"strict\"");
    check_error("[policy]\nmod = \"allow\"\n",
                "p.toml:2:1: policy: mod: unknown key");
    check_error("[policy]\n[[policy.fields]]\npath = \"/a\"\n"
                "action = \"dorp\"\n",
                "p.toml:4:10: policy field #1: action: expected drop, keep, "
                "scan, redact_all, hash or truncate, got \"dorp\"");
    check_error(
        "[policy]\n[[policy.fields]]\npath = \"a\"\naction = \"drop\"\n",
        "p.toml:3:8: policy field #1: path: expected a JSON Pointer "
        "starting with / or **/, got \"a\"");
    check_error("[policy]\n[[policy.fields]]\naction = \"drop\"\n",
                "p.toml:2:1: policy field #1: missing path");
    check_error("[policy]\n[[policy.fields]]\npath = \"/a\"\n"
                "action = \"truncate\"\n",
                "p.toml:2:1: policy field #1: missing truncate");
    check_error("[policy]\n[[policy.entities]]\nmatch = \"pii\"\n"
                "style = \"blur\"\n",
                "p.toml:4:9: policy entity #1: style: expected label, mask, "
                "partial, hash, remove or none, got \"blur\"");
    check_error("[policy]\n[[policy.records]]\nreason = \"x\"\n",
                "p.toml:2:1: policy record #1: missing match or min_severity");
    check_error("mode = \"allow\"\n",
                "p.toml:1:1: policy: missing [policy] table");
    check_error("[policy]\nmode = \n",
                "p.toml:2:8: Error while parsing key-value pair: "
                "expected value, saw '\\n'");
  }
}

} // namespace
} // namespace veil::policy
