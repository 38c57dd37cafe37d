#include "cli/policy_options.hpp"

#include "core/errors.hpp"
#include "policy/policy_loader.hpp"

namespace veil {

namespace {

void check_pointer(std::string_view flag, const std::string& pointer) {
  if (!pointer.empty() && pointer.front() != '/') {
    throw UsageError(std::string(flag) + " " + pointer +
                     ": a JSON Pointer starts with '/'");
  }
}

} // namespace

policy::Policy effective_policy(const Options& o) {
  policy::Policy p;
  if (!o.config_policy_name.empty()) {
    policy::merge_policy_text(o.config_policy_text, o.config_policy_name, p,
                              false);
  }
  if (!o.policy_file.empty()) {
    policy::merge_policy_file(o.policy_file, p);
  }
  if (!o.segment_by.empty()) {
    check_pointer("--segment-by", o.segment_by);
    p.segment_by = o.segment_by;
  }
  return p;
}

std::string segment_pointer(const Options& o, const policy::Policy& p) {
  return p.segment_by.empty() ? o.split_by : p.segment_by;
}

policy::PolicyRunOptions policy_run_options(const Options& o,
                                            const policy::Policy& p,
                                            std::string_view command) {
  check_pointer("--split-by", o.split_by);
  if (!o.split_by.empty() && !p.segment_by.empty() &&
      o.split_by != p.segment_by) {
    throw UsageError("--split-by " + o.split_by + " and --segment-by " +
                     p.segment_by + " must name the same pointer");
  }
  if (o.split_by.empty() != o.out_dir.empty()) {
    throw UsageError("--split-by and --out-dir go together");
  }
  if (!o.split_by.empty() && !o.output.empty() && o.output != "-") {
    throw UsageError("--split-by writes into --out-dir: -o has no use");
  }
  policy::PolicyRunOptions r;
  r.policy = &p;
  r.rejects = o.rejects;
  r.metrics = o.metrics;
  r.split_dir = o.out_dir;
  r.test = command == "policy test";
  return r;
}

} // namespace veil
