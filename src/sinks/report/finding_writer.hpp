// One finding in the json and jsonl reports' layout (keys in the order
// DESIGN.md documents), written straight into a string: building an
// nlohmann object and dumping it took about 7 us a finding, a twentieth of
// a scan of PII-dense logs.
#pragma once

#include "core/finding.hpp"

#include <cstddef>
#include <string>

namespace veil {

// Appends the finding as dump_json() of its object gives it with `indent`,
// each line after the first shifted right by `by` spaces (nested_json()):
// indent 2 for the json report, -1 (compact, `by` unused) for jsonl.
void append_finding_json(const Finding& f, int indent, size_t by,
                         std::string& out);

} // namespace veil
