#include "cli/policy_flags.hpp"

#include "cli/commands.hpp"
#include "cli/project_config.hpp"

namespace veil {

namespace {

void add_policy_file_flags(CLI::App& cmd, Options& o) {
  cmd.add_option("--policy", o.policy_file,
                 "Policy file (TOML, a [policy] table): field rules, "
                 "per-entity styles, record rejects; merged over "
                 ".veil.toml's [policy]");
  cmd.add_option("--segment-by", o.segment_by,
                 "JSON Pointer of the segment (tenant) of a record: hash and "
                 "encrypt keys and label numbers are derived per segment, so "
                 "pseudonyms cannot be joined across segments");
}

} // namespace

void add_policy_flags(CLI::App& cmd, Options& o) {
  add_policy_file_flags(cmd, o);
  cmd.add_option("--metrics", o.metrics,
                 "Write the run's counts to this file in the Prometheus text "
                 "format (node_exporter textfile collector), atomically");
}

void add_redact_policy_flags(CLI::App& cmd, Options& o) {
  cmd.add_option("--rejects", o.rejects,
                 "Write records a policy record rule rejects (or allow mode "
                 "cannot check) here, as read, mode 0600; without it they "
                 "are only counted");
  cmd.add_option("--split-by", o.split_by,
                 "Write one file per value of this JSON Pointer into "
                 "--out-dir (names sanitized; records without it go to "
                 "_none.jsonl)");
  cmd.add_option("--out-dir", o.out_dir,
                 "Directory of the --split-by files (created if needed)");
}

void add_policy_command(CLI::App& app, Options& o, ExitCode& code) {
  CLI::App* policy = app.add_subcommand(
      "policy", "Show the effective policy or test it on input");
  policy->require_subcommand(1);
  CLI::App* show = policy->add_subcommand(
      "show", "Print the effective policy: defaults, .veil.toml, --policy "
              "and flags merged");
  add_policy_file_flags(*show, o);
  show->add_option("--format", o.format, "toml (default) or json")
      ->check(CLI::IsMember({"toml", "json"}));
  show->add_flag("--no-config", o.no_config, "Ignore .veil.toml");
  show->callback([&] { code = cmd_policy_show(with_project_config(o)); });
  CLI::App* test = policy->add_subcommand(
      "test", "Apply the policy to FILE... and print what would change "
              "(drops, redactions, rejects), writing nothing");
  test->add_option("FILE", o.files, "Input files or - for stdin");
  add_policy_file_flags(*test, o);
  test->add_option("--style", o.style,
                   "As redact --style: label, mask, partial, hash, encrypt "
                   "or remove");
  test->add_option("--key-file", o.key_file,
                   "Key for the hash and encrypt styles (else $VEIL_KEY)");
  test->add_flag("--no-config", o.no_config, "Ignore .veil.toml");
  test->add_option("--rules", o.rule_files, "Add a TOML rule pack")
      ->allow_extra_args(false);
  test->callback([&] { code = cmd_policy_test(with_project_config(o)); });
}

} // namespace veil
