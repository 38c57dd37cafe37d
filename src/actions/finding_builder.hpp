// The ordered stage's actions: turns a record's Matches into report-safe
// Findings (masked preview, keyed fingerprint, replacement) and into the
// TokenEdits the redacted writer splices into the line. Stateful (label
// numbering), so it runs in input order only.
#pragma once

#include "actions/keyed_hash.hpp"
#include "actions/labeler.hpp"
#include "actions/style.hpp"
#include "core/finding.hpp"
#include "core/record.hpp"
#include "sinks/line_rewriter.hpp"

#include <optional>
#include <string>
#include <vector>

namespace veil {

struct ActionOptions {
  std::optional<Style> style; // --style: overrides the rules' styles
  Scope scope = Scope::file;
  bool redact = false; // redact command: findings are "redacted"
};

class FindingBuilder {
public:
  FindingBuilder(const ActionOptions& options, const KeyedHash& hash)
      : m_options(options), m_hash(hash) {}

  void start_file();
  // Appends the record's findings (input problems first, then matches in
  // order) and the edits of its line (sorted by raw span).
  void build(const Record& record, const std::vector<Match>& matches,
             const std::string& file, std::vector<Finding>& findings,
             std::vector<TokenEdit>& edits);

private:
  Style style_for(const Match& m) const;
  std::string replacement(Style style, const std::string& entity,
                          std::string_view value);
  void add_input_findings(const Record& record, const std::string& file,
                          std::vector<Finding>& findings) const;

  const ActionOptions& m_options;
  const KeyedHash& m_hash;
  Labeler m_labeler;
};

} // namespace veil
