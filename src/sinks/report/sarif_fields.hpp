// The pieces of a SARIF 2.1.0 log built from veil's types: a rule
// descriptor (tool.driver.rules[]) and a result. sarif_report.cpp streams
// them into the document; they are separate so tests can check each one.
#pragma once

#include "core/finding.hpp"
#include "sinks/report/report_writer.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace veil {

// The uriBaseId of files outside the working directory: their URI is the
// path without its leading '/', relative to file:/// (originalUriBaseIds).
inline constexpr std::string_view k_sarif_root_base = "ROOT";

// critical/high -> error, medium -> warning, low/info -> note.
std::string_view sarif_level(Severity s);

nlohmann::ordered_json sarif_rule_json(const RuleInfo& rule);

// `rule_index` is the rule's place in tool.driver.rules, when it is there.
// `cwd` is the directory file names are made relative to. Sets
// `outside_cwd` when the file's URI is relative to ROOT instead.
nlohmann::ordered_json sarif_result_json(const Finding& f,
                                         std::optional<size_t> rule_index,
                                         std::string_view cwd,
                                         bool& outside_cwd);

} // namespace veil
