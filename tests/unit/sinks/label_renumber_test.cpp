#include "sinks/report/label_renumber.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using veil::Finding;
using veil::renumber_shard_labels;
using veil::ShardReport;

namespace {

Finding labelled(std::string fingerprint, std::string label,
                 std::string action = "reported") {
  Finding f;
  f.fingerprint = std::move(fingerprint);
  f.replacement = std::move(label);
  f.action = std::move(action);
  return f;
}

std::vector<std::string> labels(const std::vector<ShardReport>& shards) {
  std::vector<std::string> out;
  for (const ShardReport& s : shards) {
    for (const Finding& f : s.findings) {
      out.push_back(f.replacement);
    }
  }
  return out;
}

} // namespace

TEST_SUITE("sinks::label_renumber") {
  TEST_CASE("values are numbered across shards in order of first appearance") {
    std::vector<ShardReport> shards(2);
    shards[0].findings = {labelled("a", "[EMAIL_ADDRESS_1]"),
                          labelled("b", "[EMAIL_ADDRESS_2]"),
                          labelled("p", "[PHONE_NUMBER_1]")};
    // Shard 2 sees b again, then a new email c, then a again.
    shards[1].findings = {
        labelled("b", "[EMAIL_ADDRESS_1]"), labelled("c", "[EMAIL_ADDRESS_2]"),
        labelled("a", "[EMAIL_ADDRESS_3]"), labelled("q", "[PHONE_NUMBER_1]")};
    renumber_shard_labels(shards);
    CHECK(labels(shards) ==
          std::vector<std::string>{"[EMAIL_ADDRESS_1]", "[EMAIL_ADDRESS_2]",
                                   "[PHONE_NUMBER_1]", "[EMAIL_ADDRESS_2]",
                                   "[EMAIL_ADDRESS_3]", "[EMAIL_ADDRESS_1]",
                                   "[PHONE_NUMBER_2]"});
  }

  TEST_CASE("one shard label found by two rules stays one value") {
    // Two fingerprints (two rules) for one value: the shard gave both the
    // same label, so both become one value in the merged numbering.
    std::vector<ShardReport> shards(2);
    shards[0].findings = {labelled("x", "[EMAIL_ADDRESS_1]")};
    shards[1].findings = {labelled("y", "[EMAIL_ADDRESS_1]"),
                          labelled("x", "[EMAIL_ADDRESS_1]"),
                          labelled("z", "[EMAIL_ADDRESS_2]")};
    renumber_shard_labels(shards);
    CHECK(labels(shards) ==
          std::vector<std::string>{"[EMAIL_ADDRESS_1]", "[EMAIL_ADDRESS_1]",
                                   "[EMAIL_ADDRESS_1]", "[EMAIL_ADDRESS_2]"});
  }

  TEST_CASE("redacted labels and other replacements are left as written") {
    std::vector<ShardReport> shards(2);
    shards[0].findings = {labelled("a", "[EMAIL_ADDRESS_1]", "redacted")};
    shards[1].findings = {labelled("b", "[EMAIL_ADDRESS_1]", "redacted"),
                          labelled("c", "[EMAIL_ADDRESS:0011223344556677]"),
                          labelled("d", "")};
    renumber_shard_labels(shards);
    CHECK(labels(shards) ==
          std::vector<std::string>{"[EMAIL_ADDRESS_1]", "[EMAIL_ADDRESS_1]",
                                   "[EMAIL_ADDRESS:0011223344556677]", ""});
  }
}
