#include "core/errors.hpp"
#include "report_fixture.hpp"
#include "sinks/report/report_merge.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using veil::Finding;
using veil::InputError;
using veil::is_label;
using veil::merge_shards;
using veil::MergedRun;
using veil::MergeOptions;
using veil::Severity;
using veil::ShardReport;

namespace {

Finding finding(uint64_t line, std::string rule, std::string replacement) {
  Finding f;
  f.file = "<stdin>";
  f.line = line;
  f.path = "/messages/0/content";
  f.rule = std::move(rule);
  f.entity = "EMAIL_ADDRESS";
  f.severity = Severity::medium;
  f.action = replacement.empty() ? "reported" : "redacted";
  f.replacement = std::move(replacement);
  return f;
}

ShardReport shard(std::string where, uint64_t records,
                  std::vector<Finding> findings) {
  ShardReport s;
  s.where = std::move(where);
  s.version = "0.1.0";
  s.packs = {{"pii", "1.0", 5}};
  s.findings = std::move(findings);
  s.summary.files = 1;
  s.summary.records = records;
  s.summary.bytes = records * 10;
  s.summary.elapsed_seconds = 0.5;
  return s;
}

std::vector<ShardReport> two_shards() {
  return {shard("a.json:1", 100, {finding(3, "pii.email", "")}),
          shard("a.json:40", 50,
                {finding(1, "pii.email", ""), finding(7, "pii.phone", "")})};
}

} // namespace

TEST_SUITE("sinks::report_merge") {
  TEST_CASE("--shards-of shifts lines by the records before each shard") {
    auto shards = two_shards();
    const MergedRun m =
        merge_shards(shards, MergeOptions{std::string("big.jsonl")});
    CHECK(shards[0].findings[0].line == 3);
    CHECK(shards[1].findings[0].line == 101);
    CHECK(shards[1].findings[1].line == 107);
    CHECK(shards[1].findings[1].file == "big.jsonl");
    CHECK(m.summary.files == 1);
    CHECK(m.summary.records == 150);
    CHECK(m.summary.bytes == 1500);
    CHECK(m.summary.findings == 3);
    CHECK(m.summary.by_rule.at("pii.email") == 2);
    CHECK(m.summary.by_rule.at("pii.phone") == 1);
    CHECK(m.summary.by_field.at("/messages/*/content") == 3);
    CHECK(m.summary.elapsed_seconds == doctest::Approx(1.0));
    CHECK(m.run.version == "0.1.0");
    CHECK(m.run.command == "scan");
    CHECK(!m.labels_per_shard);
  }

  TEST_CASE("without --shards-of findings keep their file and line") {
    auto shards = two_shards();
    const MergedRun m = merge_shards(shards, MergeOptions{});
    CHECK(shards[1].findings[1].line == 7);
    CHECK(shards[1].findings[1].file == "<stdin>");
    CHECK(m.summary.files == 2);
  }

  TEST_CASE("reports of other versions or packs are refused") {
    auto shards = two_shards();
    shards[1].version = "0.2.0";
    CHECK_THROWS_WITH_AS(merge_shards(shards, MergeOptions{}),
                         "a.json:40: made by veil 0.2.0, a.json:1 by veil "
                         "0.1.0: merge only reports of one veil version",
                         InputError);
    shards = two_shards();
    shards[1].packs[0].rules = 6;
    CHECK_THROWS_WITH_AS(merge_shards(shards, MergeOptions{}),
                         "a.json:40: its rule packs differ from a.json:1's: "
                         "merge only reports made with the same packs",
                         InputError);
  }

  TEST_CASE("--shards-of refuses a shard that covers several files") {
    auto shards = two_shards();
    shards[0].summary.files = 2;
    CHECK_THROWS_AS(merge_shards(shards, MergeOptions{std::string("x")}),
                    InputError);
    CHECK_NOTHROW(merge_shards(shards, MergeOptions{}));
  }

  TEST_CASE("labels from several shards are noted, redaction is noticed") {
    std::vector<ShardReport> shards = {
        shard("a", 1, {finding(1, "pii.email", "[EMAIL_ADDRESS_1]")}),
        shard("b", 1, {finding(1, "pii.email", "[EMAIL_ADDRESS_1]")})};
    const MergedRun m = merge_shards(shards, MergeOptions{});
    CHECK(m.labels_per_shard);
    CHECK(m.run.command == "redact");
    CHECK(m.summary.redacted == 2);
    shards[1].findings[0].replacement = "[EMAIL_ADDRESS:3f2a9c]";
    CHECK(!merge_shards(shards, MergeOptions{}).labels_per_shard);
  }

  TEST_CASE("is_label") {
    CHECK(is_label("[EMAIL_ADDRESS_1]"));
    CHECK(is_label("[US_SSN_12]"));
    CHECK(!is_label("[EMAIL_ADDRESS:3f2a9c1b]"));
    CHECK(!is_label("[EMAIL_ADDRESS_]"));
    CHECK(!is_label("****"));
    CHECK(!is_label(""));
  }
}
