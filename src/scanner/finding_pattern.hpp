// The part of a rule's regex that can give a finding. Many rules swallow
// look-alikes in branches without the capture group (UUIDs in pii.us_itin,
// version strings in pii.ipv4, "order 555-1234" in pii.phone), and most of
// their matches are such decoys. RE2 pays most for a match when it
// extracts capture groups (a backtracking or NFA pass over the match with
// the whole program); telling a decoy apart first costs one DFA pass.
//
// finding_pattern() keeps, at every alternation on the way from the top of
// the pattern to the capture group, only the branches that hold the group.
// Every match in which the group takes part is then a full match of the
// result: a match of the whole regex that the result does not match from
// end to end is a decoy, and its groups need not be asked for.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace veil {

// nullopt when no branch can be left out (group 0, no alternation on the
// way, or the group is inside a repeat that may run more than once) or the
// pattern has syntax this parser does not know.
std::optional<std::string> finding_pattern(std::string_view re2_pattern,
                                           int group);

} // namespace veil
