// Turns raw Options into the built objects of a run (ripgrep's HiArgs):
// validates flag combinations, loads the rule catalog and the key.
#pragma once

#include "cli/options.hpp"
#include "pipeline/pipeline.hpp"
#include "rules/catalog.hpp"

namespace veil {

CatalogOptions catalog_options(const Options& o);
RunInfo run_info(const char* command, const Catalog& catalog);
// Fills everything but output/report/format/fail_on, which differ per
// command.
RunOptions base_run_options(const Options& o);
// Report format for a destination: --format, else the extension, else json.
std::string report_format(const Options& o, const std::string& destination);
bool use_color(const Options& o, const std::string& destination);

} // namespace veil
