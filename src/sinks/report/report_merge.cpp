#include "sinks/report/report_merge.hpp"

#include "core/errors.hpp"
#include "sinks/report/label_renumber.hpp"

namespace veil {

namespace {

bool same_packs(const std::vector<PackInfo>& a,
                const std::vector<PackInfo>& b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].name != b[i].name || a[i].version != b[i].version ||
        a[i].rules != b[i].rules) {
      return false;
    }
  }
  return true;
}

// Pseudonyms and fingerprints only agree between reports of one veil
// version with one set of rules, so anything else is refused.
void check_same_tool(const ShardReport& first, const ShardReport& shard) {
  if (shard.version != first.version) {
    throw InputError(shard.where + ": made by veil " + shard.version + ", " +
                     first.where + " by veil " + first.version +
                     ": merge only reports of one veil version");
  }
  if (!same_packs(shard.packs, first.packs)) {
    throw InputError(shard.where + ": its rule packs differ from " +
                     first.where +
                     "'s: merge only reports made with the same packs");
  }
}

bool has_labels(const ShardReport& shard) {
  for (const Finding& f : shard.findings) {
    if (f.action == "redacted" && is_label(f.replacement)) {
      return true;
    }
  }
  return false;
}

} // namespace

bool is_label(const std::string& replacement) {
  if (replacement.size() < 4 || replacement.front() != '[' ||
      replacement.back() != ']') {
    return false;
  }
  const size_t underscore = replacement.rfind('_');
  if (underscore == std::string::npos || underscore + 2 >= replacement.size()) {
    return false;
  }
  for (size_t i = underscore + 1; i + 1 < replacement.size(); ++i) {
    if (replacement[i] < '0' || replacement[i] > '9') {
      return false;
    }
  }
  return true;
}

MergedRun merge_shards(std::vector<ShardReport>& shards,
                       const MergeOptions& options) {
  MergedRun merged;
  merged.run.command = "scan";
  if (shards.empty()) {
    return merged;
  }
  merged.run.version = shards.front().version;
  merged.run.packs = shards.front().packs;
  uint64_t line_offset = 0;
  size_t shards_with_labels = 0;
  Summary& sum = merged.summary;
  for (ShardReport& shard : shards) {
    check_same_tool(shards.front(), shard);
    if (options.shards_of && shard.summary.files > 1) {
      throw InputError(shard.where + ": the report covers " +
                       std::to_string(shard.summary.files) +
                       " files: --shards-of takes pieces of one input");
    }
    for (Finding& f : shard.findings) {
      if (options.shards_of) {
        f.file = *options.shards_of;
        f.line += line_offset;
      }
      if (f.action == "redacted") {
        merged.run.command = "redact";
      }
      sum.add(f);
    }
    shards_with_labels += has_labels(shard) ? 1 : 0;
    line_offset += shard.summary.records;
    sum.files += shard.summary.files;
    sum.records += shard.summary.records;
    sum.bytes += shard.summary.bytes;
    sum.errors += shard.summary.errors;
    sum.elapsed_seconds += shard.summary.elapsed_seconds;
  }
  if (options.shards_of) {
    sum.files = 1; // the pieces make up one input
    renumber_shard_labels(shards);
  }
  merged.labels_per_shard = shards_with_labels > 1;
  return merged;
}

} // namespace veil
