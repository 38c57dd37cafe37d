#include "cli/app.hpp"

#include "cli/commands.hpp"
#include "cli/ignore_flags.hpp"
#include "cli/policy_flags.hpp"
#include "cli/project_config.hpp"
#include "sinks/report/report_writer.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <unistd.h>

namespace veil {

namespace {

void add_input_flags(CLI::App& cmd, Options& o) {
  cmd.add_option("FILE", o.files,
                 "Files, directories (walked in sorted order) or - for "
                 "stdin (default); .gz and .zst are read transparently");
  cmd.add_option("--input", o.input,
                 "How lines are read: auto (JSON when a line starts with { "
                 "or [), jsonl or text")
      ->check(CLI::IsMember({"auto", "jsonl", "text"}))
      ->capture_default_str();
  cmd.add_option("--max-line-bytes", o.max_line_bytes,
                 "Longest line held whole; over 8 MiB lines are read in "
                 "pieces, so a limit under that makes longer lines fail "
                 "(not scanned nor written; exit 3)")
      ->check(CLI::Range(size_t{1}, size_t{1} << 31))
      ->capture_default_str();
  cmd.add_option("--field", o.fields,
                 "Scan only this JSON Pointer and what is below it; * "
                 "matches one key or index, ** any path (repeatable)")
      ->allow_extra_args(false);
  cmd.add_flag("--scan-keys", o.scan_keys, "Scan object keys too");
  cmd.add_option("--id-field", o.id_field,
                 "JSON Pointer of the record id shown in findings")
      ->capture_default_str();
}

void add_rule_flags(CLI::App& cmd, Options& o) {
  cmd.add_option("--rules", o.rule_files,
                 "Add a TOML rule pack; a rule with an existing id "
                 "replaces it (repeatable)")
      ->allow_extra_args(false);
  cmd.add_option("--only", o.only,
                 "Run only these rules: ids, entities or categories "
                 "(comma-separated, repeatable)")
      ->delimiter(',')
      ->allow_extra_args(false);
  cmd.add_option("--disable", o.disable,
                 "Do not run these rules: ids, entities or categories "
                 "(comma-separated, repeatable)")
      ->delimiter(',')
      ->allow_extra_args(false);
  cmd.add_option("--terms-file", o.terms_files,
                 "A list of your own terms (codenames, customer names), one "
                 "per line, found as whole words in any case (repeatable)")
      ->allow_extra_args(false);
  cmd.add_flag("--no-config", o.no_config,
               "Ignore .veil.toml (otherwise the nearest one at or above "
               "the working directory applies)");
}

void add_output_check_flags(CLI::App& cmd, Options& o) {
  cmd.add_option("--canary", o.canaries,
                 "A canary token planted in the system prompt; found in "
                 "model output it means the prompt leaked (output.canary). "
                 "@FILE reads one per line (repeatable)")
      ->allow_extra_args(false);
  cmd.add_option("--leak-ngram", o.leak_ngram,
                 "Report output.system_prompt_leak when an answer repeats "
                 "this many words of its record's system prompt verbatim "
                 "(0 = off)")
      ->check(CLI::Range(size_t{0}, size_t{10000}))
      ->capture_default_str();
  cmd.add_option("--allow-domain", o.allow_domains,
                 "A host (and its subdomains) that output images and links "
                 "may send data to; none by default (repeatable)")
      ->allow_extra_args(false);
  cmd.add_flag("--expect-json", o.expect_json,
               "JSON-output mode: every assistant answer must parse as "
               "JSON, else output.invalid_json");
}

void add_run_flags(CLI::App& cmd, Options& o) {
  cmd.add_option("--format", o.format,
                 "Report format: json, jsonl, text, sarif, markdown, junit, "
                 "csv, github or html (scan: text; redact --report: from "
                 "the file extension, else json)")
      ->check(CLI::IsMember(report_format_names()));
  cmd.add_option("--fail-on", o.fail_on,
                 "Exit 1 when a finding has this severity or more: info, "
                 "low, medium, high, critical or never")
      ->check(CLI::IsMember(
          {"info", "low", "medium", "high", "critical", "never"}));
  cmd.add_flag("-q,--quiet", o.quiet, "Text report: print only the summary");
  cmd.add_option("--color", o.color,
                 "Color the text report: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  cmd.add_option("-j,--jobs", o.jobs,
                 "Worker threads; 0 = one per core. Output is identical "
                 "for every value")
      ->capture_default_str();
  cmd.add_option("--region", o.regions,
                 "Countries whose national phone formats to accept, as ISO "
                 "3166 codes (comma-separated; default US,GB,DE,FR,IN,CN,JP,"
                 "BR,ES,IT); numbers with +country code need none")
      ->delimiter(',')
      ->allow_extra_args(false);
  cmd.add_flag("--explain", o.explain,
               "On stderr, say which check dropped each candidate match "
               "(validator, entropy, allow, context, min-confidence)");
  cmd.add_option("--min-confidence", o.min_confidence,
                 "Drop findings whose confidence is below this (0 to 1)")
      ->check(CLI::Range(0.0, 1.0));
  cmd.add_option("--injection-threshold", o.injection_threshold,
                 "Report injection.risk for an input message (or record) "
                 "whose prompt-injection score is at least this (0 to 1; "
                 "default 0.5)")
      ->check(CLI::Range(0.0, 1.0));
  cmd.add_option("--key-file", o.key_file,
                 "Key for fingerprints and the hash and encrypt styles "
                 "(else $VEIL_KEY, else a public salt; hash and encrypt "
                 "refuse to run without a key)");
  cmd.add_option("--key", o.key_on_argv)->group(""); // refused, see cmd_*
  cmd.add_flag_callback(
      "--progress", [&o] { o.progress = "on"; },
      "Show the progress line on stderr (bytes, records/s, MB/s, findings, "
      "ETA) even when stderr is not a terminal: then as a line a second");
  cmd.add_flag_callback(
      "--no-progress", [&o] { o.progress = "off"; },
      "Never show the progress line (default: shown when stderr is a "
      "terminal and stdout is not)");
  cmd.add_flag("--stats", o.stats,
               "At the end, print on stderr where the time went (read, "
               "scan, redact, write), records, bytes, MB/s and threads");
  add_input_flags(cmd, o);
  add_rule_flags(cmd, o);
  add_output_check_flags(cmd, o);
  add_policy_flags(cmd, o);
}

void add_scan(CLI::App& app, Options& o, ExitCode& code) {
  CLI::App* cmd = app.add_subcommand(
      "scan", "Audit only: find values and write the findings report");
  add_run_flags(*cmd, o);
  cmd->add_option("-o,--report", o.report,
                  "Write the report here (- = stdout, the default)");
  add_walk_flags(*cmd, o);
  add_baseline_flags(*cmd, o);
  add_ignore_file_flags(*cmd, o);
  cmd->callback([&] { code = cmd_scan(with_project_config(o)); });
}

void add_redact(CLI::App& app, Options& o, ExitCode& code) {
  CLI::App* cmd = app.add_subcommand(
      "redact", "Write the input with detected values replaced");
  add_run_flags(*cmd, o);
  cmd->add_option("-o,--output", o.output,
                  "Write the redacted stream here (- = stdout, the default); "
                  "files are replaced atomically");
  cmd->add_option("--report", o.report,
                  "Also write the findings report to this file (- = stdout "
                  "when -o is a file)");
  cmd->add_option("--style", o.style,
                  "Replacement for every redacting rule: label, mask, "
                  "partial, hash, encrypt or remove (default: each rule's "
                  "style, else label)")
      ->check(CLI::IsMember(
          {"label", "mask", "partial", "hash", "encrypt", "remove"}));
  cmd->add_option("--scope", o.scope,
                  "Where label numbers are shared: line, file or run "
                  "(default file; run with --vault)")
      ->check(CLI::IsMember({"line", "file", "run"}));
  cmd->add_option("--vault", o.vault,
                  "Record placeholder -> original value in this JSON file "
                  "(mode 0600, replaced atomically; an existing vault is "
                  "extended and its labels kept) for veil restore");
  cmd->add_flag("--check", o.check,
                "Write nothing; exit 1 when the output would differ from "
                "the input, naming each value that would be redacted on "
                "stderr");
  add_walk_flags(*cmd, o);
  add_baseline_flags(*cmd, o);
  add_ignore_file_flags(*cmd, o);
  add_redact_policy_flags(*cmd, o);
  cmd->callback([&] { code = cmd_redact(with_project_config(o)); });
}

void add_restore(CLI::App& app, Options& o, ExitCode& code) {
  CLI::App* cmd = app.add_subcommand(
      "restore", "Put original values back in place of placeholders (in "
                 "a model's answer)");
  cmd->add_option("FILE", o.files,
                  "JSONL or text files, or - for stdin (default)");
  cmd->add_option("--vault", o.vault, "The vault written by redact --vault");
  cmd->add_option("--key-file", o.key_file,
                  "Key that opens encrypt tokens (else $VEIL_KEY), with or "
                  "without a vault");
  cmd->add_option("--key", o.key_on_argv)->group(""); // refused
  cmd->add_option("-o,--output", o.output,
                  "Write the restored stream here (- = stdout, the "
                  "default); files are replaced atomically");
  cmd->add_option("--input", o.input,
                  "How lines are read: auto (JSON when a line starts with { "
                  "or [), jsonl or text")
      ->check(CLI::IsMember({"auto", "jsonl", "text"}))
      ->capture_default_str();
  cmd->add_option("--max-line-bytes", o.max_line_bytes,
                  "Longest line held whole; over 8 MiB lines are read in "
                  "pieces, so a limit under that makes longer lines fail "
                  "(not written; exit 3)")
      ->check(CLI::Range(size_t{1}, size_t{1} << 31))
      ->capture_default_str();
  cmd->callback([&] { code = cmd_restore(o); });
}

void add_baseline(CLI::App& app, Options& o, ExitCode& code) {
  CLI::App* cmd = app.add_subcommand(
      "baseline", "Write the fingerprints of today's findings, so that "
                  "scan --baseline reports only new ones");
  add_run_flags(*cmd, o);
  cmd->add_option("-o,--output", o.output,
                  "Write the baseline here (- = stdout, the default); an "
                  "existing baseline file keeps its salt");
  cmd->add_flag("--any-file", o.any_file,
                "Entries match the value in any file (default: only in the "
                "file it was found in)");
  add_walk_flags(*cmd, o);
  add_ignore_file_flags(*cmd, o);
  cmd->callback([&] { code = cmd_baseline(with_project_config(o)); });
}

void add_rules(CLI::App& app, Options& o, ExitCode& code) {
  CLI::App* rules = app.add_subcommand("rules", "Inspect and test rule packs");
  rules->require_subcommand(1);
  CLI::App* list = rules->add_subcommand("list", "List the rules of a run");
  add_rule_flags(*list, o);
  list->callback([&] { code = cmd_rules_list(with_project_config(o)); });
  CLI::App* show = rules->add_subcommand("show", "Show one rule");
  show->add_option("ID", o.rule_id, "Rule id")->required();
  add_rule_flags(*show, o);
  show->callback([&] { code = cmd_rules_show(with_project_config(o)); });
  CLI::App* test = rules->add_subcommand(
      "test", "Run every rule's match and no_match examples");
  add_rule_flags(*test, o);
  test->callback([&] { code = cmd_rules_test(with_project_config(o)); });
  CLI::App* lint = rules->add_subcommand(
      "lint", "Check rules for empty matches, missing examples and slow "
              "patterns");
  add_rule_flags(*lint, o);
  lint->callback([&] { code = cmd_rules_lint(with_project_config(o)); });
}

void add_merge(CLI::App& app, Options& o, ExitCode& code) {
  CLI::App* cmd = app.add_subcommand(
      "merge", "Combine json reports of shards into the report one run "
               "would give");
  cmd->add_option("REPORT", o.files,
                  "json reports (veil scan --format json), in input order; "
                  "a file may hold several; - = stdin")
      ->required();
  cmd->add_option("--shards-of", o.shards_of,
                  "The reports are consecutive pieces of this one input "
                  "(parallel --pipepart -k, split -l): shift each shard's "
                  "line numbers by the records before it and report them "
                  "under this name");
  cmd->add_option("--format", o.format,
                  "Report format: json (default), jsonl, text, sarif, "
                  "markdown, junit, csv, github or html")
      ->check(CLI::IsMember(report_format_names()));
  cmd->add_option("-o,--report", o.report,
                  "Write the merged report here (- = stdout, the default)");
  cmd->add_option("--fail-on", o.fail_on,
                  "Exit 1 when a merged finding has this severity or more "
                  "(default never)")
      ->check(CLI::IsMember(
          {"info", "low", "medium", "high", "critical", "never"}));
  cmd->add_flag("-q,--quiet", o.quiet, "Text report: print only the summary");
  cmd->add_option("--color", o.color,
                  "Color the text report: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  cmd->callback([&] { code = cmd_merge(o); });
}

} // namespace

ExitCode parse_and_run(int argc, char** argv) {
  CLI::App app{"veil: find and redact personal data, credentials and "
               "prompt injection in LLM prompts, responses and logs"};
  app.name("veil");
  app.set_version_flag("--version", std::string("veil ") + VEIL_VERSION);
  app.require_subcommand(1);
  Options options;
  ExitCode code = ExitCode::ok;
  add_scan(app, options, code);
  add_redact(app, options, code);
  add_baseline(app, options, code);
  add_restore(app, options, code);
  add_rules(app, options, code);
  add_merge(app, options, code);
  add_policy_command(app, options, code);
  if (argc <= 1) {
    std::cerr << app.help();
    return ExitCode::usage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    app.exit(e);
    return ExitCode::ok;
  } catch (const CLI::CallForAllHelp& e) {
    app.exit(e);
    return ExitCode::ok;
  } catch (const CLI::CallForVersion& e) {
    app.exit(e);
    return ExitCode::ok;
  } catch (const CLI::ParseError& e) {
    throw UsageError(e.what());
  }
  return code;
}

} // namespace veil
