#include "cli/project_config.hpp"
#include "core/errors.hpp"

#include <doctest/doctest.h>

namespace veil {
namespace {

TEST_SUITE("cli::project_config") {
  TEST_CASE("lists go under the flags, scalars only when not given") {
    Options o;
    o.rule_files = {"cli.toml"};
    o.fail_on = "critical";
    merge_project_config("rule_files = [\"a.toml\", \"/abs/b.toml\"]\n"
                         "disable = [\"pii.ipv4\"]\nfail_on = \"low\"\n"
                         "min_confidence = 0.4\n",
                         "proj/.veil.toml", "proj", o);
    CHECK(o.rule_files ==
          std::vector<std::string>{"proj/a.toml", "/abs/b.toml", "cli.toml"});
    CHECK(o.disable == std::vector<std::string>{"pii.ipv4"});
    CHECK(o.fail_on == "critical");
    CHECK(o.min_confidence == doctest::Approx(0.4));
  }

  TEST_CASE("errors name the file, line and column") {
    Options o;
    CHECK_THROWS_WITH_AS(
        merge_project_config("fail_on = \"hgih\"\n", ".veil.toml", "", o),
        ".veil.toml:1:11: config: fail_on: expected info, low, medium, high, "
        "critical or never, got \"hgih\"",
        RuleError);
    CHECK_THROWS_WITH_AS(merge_project_config("x = 1\n", ".veil.toml", "", o),
                         ".veil.toml:1:1: config: x: unknown key", RuleError);
  }
}

} // namespace
} // namespace veil
