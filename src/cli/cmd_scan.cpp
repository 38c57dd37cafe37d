// `veil scan`, `veil redact` and `veil baseline`: the same pipeline,
// different sinks.
#include "cli/commands.hpp"
#include "cli/ignore_flags.hpp"
#include "cli/long_run.hpp"
#include "cli/policy_options.hpp"
#include "cli/run_builder.hpp"
#include "cli/vault_setup.hpp"
#include "core/keep_until_exit.hpp"

namespace veil {

namespace {

ExitCode run(const char* command, const Options& o, RunOptions r) {
  CatalogOptions catalog_opts = catalog_options(o);
  catalog_opts.examples = false;
  Catalog catalog = load_catalog(catalog_opts);
  RunInfo info = run_info(command, catalog);
  for (const RuleSpec& spec : active_output_check_specs(r.output_checks)) {
    info.rules.push_back(RuleInfo{spec.id, spec.description, spec.entity,
                                  spec.category, spec.severity});
  }
  policy::Policy policy = effective_policy(o);
  r.policy = policy_run_options(o, policy, command);
  r.reader.segment_field = segment_pointer(o, policy);
  r.actions.policy = &policy;
  bool wants_hash = r.actions.style == Style::hash || policy.wants_hash();
  bool wants_encrypt = r.actions.style == Style::encrypt;
  for (const RuleSpec& rule : catalog.rules) {
    wants_hash = wants_hash || (!r.actions.style && rule.style == "hash");
    wants_encrypt =
        wants_encrypt || (!r.actions.style && rule.style == "encrypt");
  }
  const RuleSet& rules =
      keep_until_exit(std::make_unique<RuleSet>(std::move(catalog.rules)));
  KeyedHash hash(load_key(o.key_file));
  if (wants_hash && !hash.has_secret_key()) {
    throw UsageError("the hash style needs a key: --key-file FILE or VEIL_KEY");
  }
  r.actions.keys = KeyMaterial::load(o.key_file);
  if (wants_encrypt) {
    // Throws (exit 2) without a key, before any input is read.
    r.actions.keys.subkey(KeyPurpose::encrypt);
  }
  IgnoreSetup ignores(command, o, r);
  return ignores.finish(
      run_pipeline(r, rules, info, ignores.fingerprint_key(hash)));
}

} // namespace

ExitCode cmd_scan(const Options& o) {
  RunOptions r = base_run_options(o);
  r.report = o.report.empty() ? "-" : o.report;
  r.format = o.report.empty() && o.format.empty() ? "text"
                                                  : report_format(o, *r.report);
  r.report_options.color = r.format == "text" && use_color(o, *r.report);
  if (o.fail_on.empty()) {
    r.fail_on = Severity::high;
  }
  r.report_options.fail_on = r.fail_on;
  set_long_run_options(o, r);
  return run("scan", o, std::move(r));
}

ExitCode cmd_redact(const Options& o) {
  RunOptions r = base_run_options(o);
  r.actions.redact = true;
  r.output = o.output.empty() ? "-" : o.output;
  if (!o.report.empty()) {
    if (o.report == "-" && *r.output == "-") {
      throw UsageError("--report -: stdout already carries the redacted "
                       "stream; give -o FILE or a report file");
    }
    r.report = o.report;
    r.format = report_format(o, o.report);
    r.report_options.color = r.format == "text" && use_color(o, o.report);
    r.report_options.fail_on = r.fail_on;
  }
  set_long_run_options(o, r);
  VaultSetup vault(o, r);
  return vault.finish(run("redact", o, std::move(r)));
}

// A scan whose only sink is the baseline writer (cli/ignore_flags.cpp).
ExitCode cmd_baseline(const Options& o) {
  if (!o.format.empty() || !o.fail_on.empty()) {
    throw UsageError("veil baseline writes no report: --format and --fail-on "
                     "belong to scan");
  }
  RunOptions r = base_run_options(o);
  set_long_run_options(o, r);
  return run("baseline", o, std::move(r));
}

// Runs the pipeline as redact would, writing nothing: PolicyStage prints
// what would change.
ExitCode cmd_policy_test(const Options& o) {
  RunOptions r = base_run_options(o);
  r.actions.redact = true;
  return run("policy test", o, std::move(r));
}

} // namespace veil
