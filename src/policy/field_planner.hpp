// Applies the policy's field rules to one JSON record, in the worker: cuts
// dropped members (and, in allow mode, everything not listed) out of the
// line with their commas and takes kept, hashed and redacted fields out of
// what the scanner sees. What needs the ordered stage (label numbers,
// per-segment keys) is left as Directives for policy/record_applier.cpp. A
// truncated field is scanned whole and cut after redaction, so a value the cut
// would split is still found.
#pragma once

#include "core/record.hpp"
#include "policy/json_layout.hpp"
#include "policy/policy.hpp"
#include "sinks/line_rewriter.hpp"

#include <string>
#include <vector>

namespace veil::policy {

// A whole value the ordered stage replaces: redact_all, hash (text is the
// decoded string or the number as written) or truncate (text is the cut
// value with its marker; when findings edit the field, their text is cut
// instead).
struct Directive {
  uint32_t raw_begin = 0;
  uint32_t raw_end = 0;
  const FieldRule* rule = nullptr;
  std::string text;
  std::string pointer; // for `veil policy test`
};

struct RecordPlan {
  std::vector<TokenEdit> removals; // spans deleted from the line
  std::vector<Directive> directives;
  uint64_t dropped_fields = 0; // members and elements cut out
  std::vector<std::string> dropped_pointers;
  // Allow mode on a record whose shape cannot be checked (text, invalid
  // JSON, a bare scalar): the whole record is rejected, fail-closed.
  const char* reject = nullptr;

  void clear() {
    removals.clear();
    directives.clear();
    dropped_fields = 0;
    dropped_pointers.clear();
    reject = nullptr;
  }
};

class FieldPlanner {
public:
  explicit FieldPlanner(const Policy& policy) : m_policy(policy) {}
  // Fills plan and removes from record.fields every field not to be scanned.
  void plan(Record& record, RecordPlan& plan);

private:
  enum class Fate : uint8_t { scan, unscanned, removed };
  void decide(const Record& record, RecordPlan& plan);
  void decide_leaf(size_t i, const FieldRule* rule, const Record& record,
                   RecordPlan& plan);
  void add_removals(RecordPlan& plan);
  void filter_fields(Record& record) const;

  const Policy& m_policy;
  std::vector<Node> m_nodes; // scratch, reused per record
  std::vector<Fate> m_fates; // per node
};

// The longest prefix of text of at most max bytes that does not split a
// UTF-8 sequence.
std::string_view utf8_prefix(std::string_view text, size_t max);

} // namespace veil::policy
