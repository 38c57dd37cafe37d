// The effective policy of a run, built from raw Options: the defaults (deny
// mode, no rules), then .veil.toml's [policy] table, then --policy FILE,
// then the flags (--segment-by). Also the run's policy-side outputs
// (--rejects, --metrics, --split-by/--out-dir), checked here.
#pragma once

#include "cli/options.hpp"
#include "policy/policy.hpp"
#include "policy/policy_stage.hpp"

namespace veil {

policy::Policy effective_policy(const Options& o);
// Checks the policy flags of a command ("scan", "redact", "policy test").
policy::PolicyRunOptions policy_run_options(const Options& o,
                                            const policy::Policy& p,
                                            std::string_view command);
// The pointer whose value names a record's segment ("" = none): the
// policy's segment_by (--segment-by), else --split-by.
std::string segment_pointer(const Options& o, const policy::Policy& p);

} // namespace veil
