#include "cli/run_builder.hpp"

#include "cli/output_flags.hpp"
#include "core/errors.hpp"
#include "scanner/phone_regions.hpp"

#include <algorithm>
#include <cstdlib>
#include <unistd.h>

namespace veil {

namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

InputMode parse_input_mode(const std::string& name) {
  if (name == "jsonl") {
    return InputMode::jsonl;
  }
  return name == "text" ? InputMode::text : InputMode::auto_detect;
}

Scope parse_scope(const std::string& name) {
  if (name == "line") {
    return Scope::line;
  }
  return name == "run" ? Scope::run : Scope::file;
}

} // namespace

CatalogOptions catalog_options(const Options& o) {
  CatalogOptions c;
  c.rule_files = o.rule_files;
  c.only = o.only;
  c.disable = o.disable;
  c.terms_files = o.terms_files;
  return c;
}

RunInfo run_info(const char* command, const Catalog& catalog) {
  RunInfo run;
  run.command = command;
  run.version = VEIL_VERSION;
  for (const Catalog::Pack& pack : catalog.packs) {
    run.packs.push_back(PackInfo{pack.name, pack.version, pack.rules});
  }
  for (const RuleSpec& rule : catalog.rules) {
    run.rules.push_back(RuleInfo{rule.id, rule.description, rule.entity,
                                 rule.category, rule.severity});
  }
  // The reader's own findings (actions/finding_builder.cpp) are rules too,
  // so that every finding of a SARIF report has its rule.
  run.rules.push_back(RuleInfo{"input.invalid_json",
                               "A line that looked like JSON but did not "
                               "parse (scanned as text)",
                               "INVALID_JSON", "input", Severity::low});
  run.rules.push_back(RuleInfo{"input.invalid_utf8",
                               "A line that is not valid UTF-8 (scanned as "
                               "bytes)",
                               "INVALID_UTF8", "input", Severity::low});
  return run;
}

RunOptions base_run_options(const Options& o) {
  if (!o.key_on_argv.empty()) {
    throw UsageError("--key: refusing a key on the command line (it would "
                     "show in ps and shell history); use --key-file or "
                     "VEIL_KEY");
  }
  RunOptions r;
  r.inputs = o.files.empty() ? std::vector<std::string>{"-"} : o.files;
  bool reads_stdin = false;
  for (const std::string& f : r.inputs) {
    reads_stdin = reads_stdin || f == "-";
  }
  if (reads_stdin && isatty(STDIN_FILENO)) {
    throw UsageError("no input: give FILE arguments or pipe data into veil "
                     "(see veil --help)");
  }
  r.reader.mode = parse_input_mode(o.input);
  for (const std::string& f : o.fields) {
    r.reader.fields.emplace_back(f);
  }
  r.reader.scan_keys = o.scan_keys;
  r.reader.id_field = o.id_field;
  r.max_line_bytes = o.max_line_bytes;
  for (const std::string& region : o.regions) {
    if (!is_phone_region(region)) {
      throw UsageError("--region " + region +
                       ": not a region code libphonenumber knows (ISO "
                       "3166, e.g. GB not UK)");
    }
  }
  set_phone_regions(o.regions);
  r.output_checks = output_check_options(o);
  r.jobs = o.jobs;
  r.explain = o.explain;
  r.min_confidence = std::max(0.0, o.min_confidence);
  if (o.injection_threshold >= 0) {
    r.injection_threshold = o.injection_threshold;
  }
  r.actions.scope = parse_scope(o.scope);
  if (!o.style.empty()) {
    r.actions.style = parse_style(o.style);
  }
  if (!o.fail_on.empty() && o.fail_on != "never") {
    r.fail_on = parse_severity(o.fail_on);
  }
  r.report_options.quiet = o.quiet;
  return r;
}

std::string report_format(const Options& o, const std::string& destination) {
  if (!o.format.empty()) {
    return o.format;
  }
  static const std::pair<const char*, const char*> by_extension[] = {
      {".jsonl", "jsonl"}, {".txt", "text"},    {".log", "text"},
      {".sarif", "sarif"}, {".md", "markdown"}, {".csv", "csv"},
      {".xml", "junit"},   {".html", "html"},   {".htm", "html"}};
  for (const auto& [extension, format] : by_extension) {
    if (ends_with(destination, extension)) {
      return format;
    }
  }
  return "json";
}

bool use_color(const Options& o, const std::string& destination) {
  if (o.color != "auto") {
    return o.color == "always";
  }
  const char* no_color = std::getenv("NO_COLOR");
  return destination == "-" && isatty(STDOUT_FILENO) &&
         (no_color == nullptr || *no_color == '\0');
}

} // namespace veil
