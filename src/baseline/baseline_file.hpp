// The baseline file (`veil baseline -o .veil-baseline.json`, read with
// --baseline): today's findings, so CI fails only on new ones. Made to live
// in git: entries are sorted by fingerprint, one per line, with no line
// numbers, counts or timestamps, so edits elsewhere in a file never touch
// it and entries added on two branches rarely sit next to each other.
//
//   {
//     "veil_baseline": 1,
//     "salt": "9f0c…",
//     "entries": [
//       {"fingerprint": "3a1e…", "rule": "secret.github_pat", "file": "a.env"},
//       {"fingerprint": "c07d…", "rule": "pii.email"}
//     ]
//   }
//
// fingerprint = HMAC-SHA256(salt, rule + '\0' + normalized value): the
// random salt keeps fingerprints keyed when no --key-file is given. An
// entry without "file" matches in any file; "file" is relative to the
// baseline file's directory.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace veil {

struct BaselineEntry {
  std::string fingerprint;
  std::string rule;
  std::string file; // "" = any file
  size_t line = 0;  // where it was read (for --report-unused-ignores)

  bool operator<(const BaselineEntry& o) const;
  bool operator==(const BaselineEntry& o) const;
};

struct Baseline {
  std::string salt;
  std::vector<BaselineEntry> entries;
};

// Throws RuleError "NAME:LINE: baseline: what" (exit 2).
Baseline parse_baseline(std::string_view text, const std::string& name);
// Reads and parses; UsageError when the file cannot be read.
Baseline read_baseline(const std::string& path);
// Sorts by (fingerprint, rule, file) and removes duplicates.
void sort_entries(std::vector<BaselineEntry>& entries);
// Lays the file out as above, entries sorted first.
std::string format_baseline(Baseline baseline);
// 16 random bytes as hex (OpenSSL RAND_bytes).
std::string new_baseline_salt();

} // namespace veil
