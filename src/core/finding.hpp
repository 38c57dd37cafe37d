// Match is the scanner's internal result and points at a clear value; it
// never leaves the pipeline. Finding is what reports see: the masked preview,
// the keyed fingerprint and the replacement, never the value itself. Report
// writers take only Finding, so no report can hold a clear value.
#pragma once

#include "core/severity.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace veil {

class CompiledRule;

struct Match {
  const CompiledRule* rule = nullptr;
  uint32_t field = 0; // index into Record::fields
  uint32_t start = 0; // byte offsets in Field::text
  uint32_t end = 0;
  double confidence = 0;
  Severity severity = Severity::info; // the rule's, adjusted per match
  // Found in text decoded from the span: the decoder's kind ("base64",
  // "tags"...; see DecodedSpan), else nullptr.
  const char* decoded = nullptr;
  // injection.risk only: the rules whose matches made up the score.
  std::vector<const CompiledRule*> signals{};
};

// A candidate the scanner dropped, and at which stage (--explain).
struct Drop {
  const CompiledRule* rule = nullptr;
  uint32_t field = 0;
  uint32_t start = 0;
  uint32_t end = 0;
  const char* stage = ""; // "validator", "entropy", "allow", "context"...
};

struct Finding {
  std::string file;
  uint64_t line = 0;
  std::string record_id;
  std::string path; // JSON Pointer of the field ("" for text)
  std::string role;
  std::string rule;
  std::string entity;
  std::string category;
  Severity severity = Severity::info;
  double confidence = 0;
  uint64_t start = 0; // byte offsets in the decoded string
  uint64_t end = 0;
  uint64_t column = 0; // 1-based byte column in the raw line
  std::string preview; // masked
  std::string fingerprint;
  std::string action;      // "redacted", "reported"
  std::string replacement; // "" when not redacted
  // Not reported. Set by the builder where the value is known, read by the
  // Suppressor (baseline/): the fingerprint under the baseline's salt, and
  // whether the value's line carries an inline allow marker.
  std::string baseline_fingerprint{};
  bool allow_marker = false;
  // injection.risk: ids of the rules that fired
  std::vector<std::string> signals{};
};

} // namespace veil
