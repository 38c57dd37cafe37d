// The ordered stage's actions: turns a record's Matches into report-safe
// Findings (masked preview, keyed fingerprint, replacement) and into the
// TokenEdits the redacted writer splices into the line. Stateful (label
// numbering), so it runs in input order only.
#pragma once

#include "actions/encrypt_token.hpp"
#include "actions/key_material.hpp"
#include "actions/keyed_hash.hpp"
#include "actions/labeler.hpp"
#include "actions/style.hpp"
#include "actions/vault.hpp"
#include "core/finding.hpp"
#include "core/record.hpp"
#include "policy/policy.hpp"
#include "sinks/line_rewriter.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace veil {

struct ActionOptions {
  std::optional<Style> style; // --style: overrides the rules' styles
  Scope scope = Scope::file;
  bool redact = false; // redact command: findings are "redacted"
  KeyMaterial keys;    // subkeys of the hash and encrypt styles
  // --vault: every label, hash and encrypt placeholder is recorded here.
  Vault* vault = nullptr;
  // --baseline / veil baseline: fills Finding::baseline_fingerprint.
  const KeyedHash* baseline_hash = nullptr;
  bool allow_markers = false; // fills Finding::allow_marker
  // --policy: entity rules choose styles by category, direction and role.
  const policy::Policy* policy = nullptr;
};

// What a finding takes from its match alone. The workers work these out
// side by side (match_facts), so that the ordered stage, which one thread
// runs, only numbers labels and writes: on a file of a finding a line, it
// was the one thread busy at -j2.
struct MatchFacts {
  std::string normalized; // normalize_value(entity, value)
  std::string preview;    // masked_preview
  std::string fingerprint;
  std::string baseline_fingerprint; // with ActionOptions::baseline_hash
};

// Thread-safe: reads the options and keys only. Fills out with the facts
// of each match, in the order of matches.
void match_facts(const Record& record, const std::vector<Match>& matches,
                 const ActionOptions& options, const KeyedHash& hash,
                 std::vector<MatchFacts>& out);

class FindingBuilder {
public:
  // Seeds label numbers from options.vault, if any.
  FindingBuilder(const ActionOptions& options, const KeyedHash& hash);

  void start_file();
  // Appends the record's findings (input problems first, then matches in
  // order) and the edits of its line (sorted by raw span). `facts` are the
  // matches' match_facts, or null to work them out here.
  void build(const Record& record, const std::vector<Match>& matches,
             const std::vector<MatchFacts>* facts, const std::string& file,
             std::vector<Finding>& findings, std::vector<TokenEdit>& edits);
  // A whole value a policy field rule replaces (redact_all, hash): the same
  // styles, label numbers and keys as the record last built.
  std::string replace(Style style, const std::string& entity,
                      std::string_view value);

private:
  Style style_for(const Match& m, const Field& field) const;
  std::string replacement(Style style, const std::string& entity,
                          std::string_view value,
                          const std::string& normalized);
  void add_input_findings(const Record& record, const std::string& file,
                          std::vector<Finding>& findings) const;

  std::string hash_token(const std::string& entity,
                         const std::string& normalized);
  std::string encrypt_token(const std::string& entity, std::string_view value);
  // --vault: placeholder -> value. Whatever writes a label, hash or encrypt
  // placeholder (policy field rules too) must record it here.
  void record_in_vault(Style style, const std::string& placeholder,
                       std::string_view value);

  // --segment-by: each segment (tenant) has its own label numbers and keys
  // (KeyMaterial's per-segment subkeys); the current one is swapped in when
  // a record of another segment comes, so pseudonyms never cross segments.
  struct SegmentState {
    Labeler labeler;
    std::optional<KeyedHash> style_hash;
    std::optional<TokenCipher> cipher;
  };
  void select_segment(const Record& record);

  const ActionOptions& m_options;
  const KeyedHash& m_hash;                        // fingerprints
  std::map<std::string, SegmentState> m_segments; // all but the current one
  std::string m_segment;                          // the current one
  Labeler m_labeler;
  // Built on first use, so runs without these styles need no key.
  std::optional<KeyedHash> m_style_hash;
  std::optional<TokenCipher> m_cipher;
};

} // namespace veil
