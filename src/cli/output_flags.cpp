#include "cli/output_flags.hpp"

#include "core/errors.hpp"
#include "scanner/output_urls.hpp"

#include <fstream>

namespace veil {

namespace {

// Shorter canaries would turn up in ordinary text by chance.
constexpr size_t k_min_canary_bytes = 8;

void add_canary(const std::string& canary, const std::string& where,
                std::vector<std::string>& out) {
  if (canary.size() < k_min_canary_bytes) {
    // The canary itself is never echoed: it is a secret of the prompt.
    throw UsageError(where + ": a canary needs at least " +
                     std::to_string(k_min_canary_bytes) +
                     " bytes, or it would match ordinary text");
  }
  out.push_back(canary);
}

void read_canary_file(const std::string& path, std::vector<std::string>& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw UsageError("--canary @" + path + ": cannot read the file");
  }
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    if (!line.empty()) {
      add_canary(line, path + ":" + std::to_string(number), out);
    }
  }
}

} // namespace

OutputCheckOptions output_check_options(const Options& o) {
  OutputCheckOptions c;
  for (const std::string& arg : o.canaries) {
    if (arg.size() > 1 && arg[0] == '@') {
      read_canary_file(arg.substr(1), c.canaries);
    } else {
      add_canary(arg, "--canary", c.canaries);
    }
  }
  c.leak_ngram = o.leak_ngram;
  c.expect_json = o.expect_json;
  c.only = o.only;
  c.disable = o.disable;
  std::vector<std::string> domains;
  for (const std::string& arg : o.allow_domains) {
    std::string err;
    std::optional<std::string> domain = normalize_domain(arg, &err);
    if (!domain) {
      throw UsageError("--allow-domain " + arg + ": " + err);
    }
    domains.push_back(*domain);
  }
  set_allowed_domains(std::move(domains));
  return c;
}

} // namespace veil
