// Reads veil's own json reports back, for `veil merge`. One file may hold
// several reports one after another: `parallel -k veil scan --format json`
// writes the shards' documents into one stream. Every problem is an
// InputError "NAME:LINE: what", with the line where the document (or the
// bad token) starts; a finding's preview is never quoted in an error.
#pragma once

#include "core/finding.hpp"
#include "sinks/report/report_writer.hpp"
#include "sinks/report/summary.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace veil {

// One top-level JSON value of a file, and the 1-based line it starts on.
struct JsonDocument {
  std::string_view text;
  uint64_t line = 1;
};

// One shard's report. The summary's by_* maps are left empty: merge
// recounts them from the findings.
struct ShardReport {
  std::string where; // "NAME:LINE" of the document, for messages
  std::string version;
  std::vector<PackInfo> packs;
  std::vector<Finding> findings;
  Summary summary;
};

// Splits text into its top-level JSON objects (whitespace between them is
// skipped). Throws InputError at the first byte that does not start an
// object, or when the text ends inside one.
std::vector<JsonDocument> split_json_documents(std::string_view text,
                                               const std::string& name);

// Parses one json report document. Throws InputError.
ShardReport parse_shard_report(const JsonDocument& doc,
                               const std::string& name);

// Reads a file ("-" = stdin) and parses every report in it, in order.
std::vector<ShardReport> read_shard_reports(const std::string& path);

} // namespace veil
