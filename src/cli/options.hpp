// Flag values exactly as given on the command line (ripgrep's LowArgs):
// plain values, no objects. cmd_*.cpp validate them and build the run.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace veil {

struct Options {
  // input
  std::vector<std::string> files;
  std::string input = "auto";
  size_t max_line_bytes = size_t{64} << 20;
  std::vector<std::string> fields;
  bool scan_keys = false;
  std::string id_field = "/id";
  // rules
  std::vector<std::string> rule_files;
  std::vector<std::string> only;
  std::vector<std::string> disable;
  std::vector<std::string> terms_files;
  double min_confidence = -1;      // < 0: not given
  double injection_threshold = -1; // < 0: not given (the built-in default)
  bool no_config = false;
  bool explain = false;
  std::vector<std::string> regions; // --region: phone number hints
  // output checks (src/cli/output_flags.cpp)
  std::vector<std::string> canaries;      // --canary STRING|@FILE
  size_t leak_ngram = 12;                 // --leak-ngram; 0: off
  std::vector<std::string> allow_domains; // --allow-domain
  bool expect_json = false;               // --expect-json
  // report
  std::string format;  // "" = text for scan, from --report's extension
  std::string report;  // scan: -o/--report; redact: --report
  std::string output;  // redact: -o/--output
  std::string fail_on; // "" = command default
  bool quiet = false;
  std::string color = "auto";
  // actions
  std::string style; // "" = each rule's style
  std::string scope; // "" = file, or run with --vault
  std::string vault; // redact/restore --vault FILE
  std::string key_file;
  std::string key_on_argv; // --key: refused, keys never go on argv
  // run
  size_t jobs = 0;
  std::string progress = "auto"; // --progress / --no-progress: on, off
  bool stats = false;            // --stats: timing summary on stderr
  // merge
  std::string shards_of; // --shards-of NAME: the reports are pieces of NAME
  // baselines and ignores (src/cli/ignore_flags.cpp)
  std::string baseline; // --baseline FILE
  bool report_unused_ignores = false;
  bool no_ignore_file = false;
  bool no_inline_allow = false;
  std::vector<std::string> exclude; // --exclude GLOB
  bool no_gitignore = false;
  bool check = false;    // redact --check: write nothing, exit 1 on changes
  bool any_file = false; // baseline --any-file: entries without "file"
  // rules subcommands
  std::string rule_id;
  // policy (--policy, .veil.toml's [policy]) and what goes with it
  std::string policy_file;
  std::string config_policy_text; // .veil.toml holding a [policy] table
  std::string config_policy_name; // its name in messages; "" = none
  std::string segment_by;         // --segment-by POINTER
  std::string split_by;           // redact --split-by POINTER
  std::string out_dir;            // redact --out-dir DIR
  std::string rejects;            // redact --rejects FILE
  std::string metrics;            // --metrics FILE
};

} // namespace veil
