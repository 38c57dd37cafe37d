// `veil merge REPORT...`: shard reports (json) -> the report one run would
// give, in any report format.
#include "cli/commands.hpp"
#include "cli/run_builder.hpp"
#include "scanner/output_checks.hpp"
#include "sinks/output.hpp"
#include "sinks/report/report_merge.hpp"

#include <algorithm>
#include <iostream>

namespace veil {

namespace {

std::vector<ShardReport>
read_all_shards(const std::vector<std::string>& paths) {
  std::vector<ShardReport> shards;
  for (const std::string& path : paths) {
    std::vector<ShardReport> more = read_shard_reports(path);
    for (ShardReport& shard : more) {
      shards.push_back(std::move(shard));
    }
  }
  return shards;
}

bool seen(const std::vector<ShardReport>& shards, const std::string& rule) {
  for (const ShardReport& shard : shards) {
    for (const Finding& f : shard.findings) {
      if (f.rule == rule) {
        return true;
      }
    }
  }
  return false;
}

// The rules a report format describes (SARIF lists them), as a run with
// default options would list them: the built-in packs, then the output
// checks that are on by default or that found something. Findings of user
// rules are reported without a description.
std::vector<RuleInfo> known_rules(const char* command,
                                  const std::vector<ShardReport>& shards) {
  CatalogOptions catalog;
  catalog.examples = false;
  std::vector<RuleInfo> rules = run_info(command, load_catalog(catalog)).rules;
  std::vector<std::string> by_default;
  for (const RuleSpec& spec : active_output_check_specs({})) {
    by_default.push_back(spec.id);
  }
  for (const RuleSpec& spec : output_check_specs()) {
    const bool on = std::find(by_default.begin(), by_default.end(), spec.id) !=
                    by_default.end();
    if (on || seen(shards, spec.id)) {
      rules.push_back(RuleInfo{spec.id, spec.description, spec.entity,
                               spec.category, spec.severity});
    }
  }
  return rules;
}

ExitCode exit_code(const MergedRun& merged,
                   const std::optional<Severity>& fail_on,
                   const std::vector<ShardReport>& shards) {
  if (merged.summary.errors > 0) {
    return ExitCode::input; // a shard could not read some of its input
  }
  if (fail_on) {
    for (const ShardReport& shard : shards) {
      for (const Finding& f : shard.findings) {
        if (f.severity >= *fail_on) {
          return ExitCode::findings;
        }
      }
    }
  }
  return ExitCode::ok;
}

} // namespace

ExitCode cmd_merge(const Options& o) {
  if (o.files.empty()) {
    throw UsageError("merge: give the shard reports (json) to merge, or - "
                     "for stdin");
  }
  MergeOptions options;
  if (!o.shards_of.empty()) {
    options.shards_of = o.shards_of;
  }
  std::optional<Severity> fail_on;
  if (!o.fail_on.empty() && o.fail_on != "never") {
    fail_on = parse_severity(o.fail_on);
  }
  const std::string destination = o.report.empty() ? "-" : o.report;
  ReportOptions report_options;
  report_options.quiet = o.quiet;
  report_options.fail_on = fail_on;
  const std::string format = report_format(o, destination);
  report_options.color = format == "text" && use_color(o, destination);

  std::vector<ShardReport> shards = read_all_shards(o.files);
  MergedRun merged = merge_shards(shards, options);
  merged.run.rules = known_rules(merged.run.command.c_str(), shards);
  if (merged.labels_per_shard) {
    std::cerr << "veil: note: label numbers restart in every shard, so "
                 "[ENTITY_N] of two shards may name different values; "
                 "use --style hash with one key for pseudonyms that agree\n";
  }
  Output out(destination);
  auto writer = make_report_writer(format, out.stream(), report_options);
  writer->begin(merged.run);
  for (const ShardReport& shard : shards) {
    for (const Finding& f : shard.findings) {
      writer->finding(f);
    }
  }
  writer->end(merged.summary);
  out.finish();
  return exit_code(merged, fail_on, shards);
}

} // namespace veil
