#include "cli/ignore_flags.hpp"

#include "baseline/baseline_writer.hpp"
#include "core/errors.hpp"

#include <filesystem>
#include <iostream>

namespace veil {

namespace fs = std::filesystem;

namespace {

fs::path directory_of(const std::string& file) {
  fs::path dir = fs::path(file).parent_path();
  return dir.empty() ? fs::path(".") : dir;
}

// Regenerating a baseline keeps its salt, so unchanged findings keep their
// lines and the diff shows only what changed.
std::string salt_for(const std::string& destination) {
  std::error_code ec;
  if (destination != "-" && fs::is_regular_file(destination, ec)) {
    try {
      return read_baseline(destination).salt;
    } catch (const Error&) {
      // Not a baseline (yet): it is replaced with a fresh one.
    }
  }
  return new_baseline_salt();
}

} // namespace

void add_walk_flags(CLI::App& cmd, Options& o) {
  cmd.add_option("--exclude", o.exclude,
                 "Skip files and directories matching this glob when "
                 "walking a directory (*, **, ?, [..]; no / = any depth; "
                 "repeatable)")
      ->allow_extra_args(false);
  cmd.add_flag("--no-gitignore", o.no_gitignore,
               "Walk directories whole, even the files git ignores (by "
               "default a walk inside a git work tree reads only what "
               "`git ls-files -co --exclude-standard` lists)");
}

void add_baseline_flags(CLI::App& cmd, Options& o) {
  cmd.add_option("--baseline", o.baseline,
                 "Leave out findings listed in this baseline file (made by "
                 "veil baseline): only new findings are reported and fail "
                 "the run");
  cmd.add_flag("--report-unused-ignores", o.report_unused_ignores,
               "On stderr, list baseline and .veilignore entries that "
               "matched no finding");
}

void add_ignore_file_flags(CLI::App& cmd, Options& o) {
  cmd.add_flag("--no-ignore-file", o.no_ignore_file,
               "Ignore .veilignore (otherwise the nearest one at or above "
               "the working directory applies)");
  cmd.add_flag("--no-inline-allow", o.no_inline_allow,
               "Report findings on lines marked veil:allow, gitleaks:allow "
               "or 'pragma: allowlist secret' too (use it on untrusted "
               "data, whose authors could write the marker)");
}

IgnoreSetup::IgnoreSetup(const std::string& command, const Options& o,
                         RunOptions& r)
    : m_report_unused(o.report_unused_ignores) {
  r.walk.exclude = o.exclude;
  r.walk.gitignore = !o.no_gitignore;
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  std::optional<LoadedBaseline> baseline;
  std::string salt;
  if (command == "baseline") {
    salt = salt_for(o.output.empty() ? "-" : o.output);
    m_baseline_writer = std::make_unique<BaselineWriter>(
        o.output.empty() ? "-" : o.output, salt, o.any_file, cwd);
    r.observers.push_back(m_baseline_writer.get());
  } else if (!o.baseline.empty()) {
    baseline = LoadedBaseline{o.baseline, directory_of(o.baseline),
                              read_baseline(o.baseline)};
    salt = baseline->baseline.salt;
  }
  if (!salt.empty()) {
    m_salt_hash = std::make_unique<KeyedHash>(salt);
    r.actions.baseline_hash = m_salt_hash.get();
  }
  std::optional<IgnoreFile> ignore;
  if (!o.no_ignore_file) {
    ignore = load_ignore_file();
  }
  r.actions.allow_markers = !o.no_inline_allow;
  m_suppressor = std::make_unique<Suppressor>(
      std::move(baseline), std::move(ignore), !o.no_inline_allow, cwd);
  r.suppressor = m_suppressor.get();
  if (command == "redact" && o.check) {
    r.output.reset(); // nothing is written
    m_check = std::make_unique<CheckWriter>(std::cerr);
    r.observers.push_back(m_check.get());
  }
}

const KeyedHash& IgnoreSetup::fingerprint_key(const KeyedHash& user_key) const {
  if (user_key.has_secret_key() || !m_salt_hash) {
    return user_key;
  }
  return *m_salt_hash;
}

ExitCode IgnoreSetup::finish(ExitCode code) const {
  if (m_report_unused) {
    m_suppressor->report_unused(std::cerr);
  }
  if (m_check && m_check->would_change() && code == ExitCode::ok) {
    return ExitCode::findings;
  }
  return code;
}

} // namespace veil
