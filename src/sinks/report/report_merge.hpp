// `veil merge`: shard reports -> the report one run over the whole input
// would give. Findings keep their order (shard by shard); the summary's
// counters by rule, severity, entity and field are recounted from them.
#pragma once

#include "sinks/report/report_reader.hpp"

#include <optional>
#include <string>
#include <vector>

namespace veil {

struct MergeOptions {
  // The shards are consecutive pieces of one input of this name, in order
  // (GNU parallel --pipepart -k, split -l, Hadoop part files): each shard's
  // line numbers are shifted by the records of the shards before it, and
  // its findings are reported under this name; the label numbers of scan
  // reports are renumbered across shards (label_renumber.hpp). Unset: the
  // shards are reports of different files, kept as they are.
  std::optional<std::string> shards_of;
};

struct MergedRun {
  RunInfo run; // the shards' veil version and packs; rules are left empty
  Summary summary;
  // Labels written into redacted output ([EMAIL_ADDRESS_1]) came from more
  // than one shard: each shard numbered its own values, so the numbers in
  // the shards' outputs don't agree (and are left as written).
  bool labels_per_shard = false;
};

// Rewrites the shards' findings in place (file, line) and adds up their
// summaries. Throws InputError when the shards come from different veil
// versions or rule packs, or when --shards-of meets a multi-file shard.
MergedRun merge_shards(std::vector<ShardReport>& shards,
                       const MergeOptions& options);

// "[EMAIL_ADDRESS_12]" and the like, as the label style writes them.
bool is_label(const std::string& replacement);

} // namespace veil
