// The JSON objects shared by the json and jsonl reports: the summary and
// the tool block, with keys in the order DESIGN.md documents (a finding is
// written by finding_writer.hpp). Both formats build their output from
// these, so they can't drift apart.
#pragma once

#include "core/finding.hpp"
#include "sinks/report/report_writer.hpp"
#include "sinks/report/summary.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace veil {

// A finding's confidence as the reports give it: two decimals.
double round_confidence(double confidence);
nlohmann::ordered_json summary_json(const Summary& s);
nlohmann::ordered_json tool_json(const RunInfo& run);

// dump() that never throws on invalid UTF-8 (file names, previews of
// binary input): such bytes become U+FFFD, so the output stays valid JSON.
// indent < 0 gives the compact form.
std::string dump_json(const nlohmann::ordered_json& j, int indent);

} // namespace veil
