// Label numbers of shards, renumbered as one run over the whole input would
// have given them. Each shard numbered its values from 1 ([EMAIL_ADDRESS_1]
// is the first email of the shard); two labels of different shards name
// the same value when their findings share a fingerprint. Values are then
// numbered per entity in order of first appearance, as the labeler does.
// Only "reported" findings (scan) are renumbered: a "redacted" finding's
// label is what the shard wrote into its output, and the report must say
// what the data holds.
#pragma once

#include "sinks/report/report_reader.hpp"

#include <vector>

namespace veil {

void renumber_shard_labels(std::vector<ShardReport>& shards);

} // namespace veil
