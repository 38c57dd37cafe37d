#include "cli/project_config.hpp"

#include "core/errors.hpp"
#include "core/find_upward.hpp"
#include "core/severity.hpp"
#include "rules/table_reader.hpp"

#include <array>
#include <fstream>
#include <sstream>

namespace veil {

namespace fs = std::filesystem;
using rules::TableReader;

namespace {

constexpr std::string_view k_file_name = ".veil.toml";
// clang-format off
constexpr std::array<std::string_view, 8> k_keys = {
    "rule_files", "terms_files", "only", "disable", "min_confidence",
    "fail_on", "region", "policy"};
// clang-format on

// Config values first, so flags given later override or add to them.
void prepend(std::vector<std::string>& flags, std::vector<std::string> config) {
  config.insert(config.end(), flags.begin(), flags.end());
  flags = std::move(config);
}

std::vector<std::string> relative_to(const fs::path& base,
                                     std::vector<std::string> paths) {
  for (std::string& p : paths) {
    if (fs::path(p).is_relative()) {
      p = (base / p).lexically_normal().string();
    }
  }
  return paths;
}

} // namespace

std::optional<fs::path> find_project_config(const fs::path& dir) {
  return find_upward(dir, k_file_name);
}

void merge_project_config(std::string_view text, const std::string& name,
                          const fs::path& base, Options& o) {
  toml::table root;
  try {
    root = toml::parse(text, std::string_view(name));
  } catch (const toml::parse_error& e) {
    SourceLocation where{name, e.source().begin.line, e.source().begin.column};
    throw RuleError(where.format() + ": " + std::string(e.description()));
  }
  TableReader r(root, name, "config");
  r.reject_unknown_keys(k_keys);
  if (r.has("policy")) {
    // Read by cli/policy_options.cpp, which reports its own errors.
    o.config_policy_text = std::string(text);
    o.config_policy_name = name;
  }
  if (auto files = r.string_list("rule_files", TableReader::Items::non_empty)) {
    prepend(o.rule_files, relative_to(base, std::move(*files)));
  }
  if (auto files =
          r.string_list("terms_files", TableReader::Items::non_empty)) {
    prepend(o.terms_files, relative_to(base, std::move(*files)));
  }
  if (auto only = r.string_list("only", TableReader::Items::non_empty)) {
    prepend(o.only, std::move(*only));
  }
  if (auto disable = r.string_list("disable", TableReader::Items::non_empty)) {
    prepend(o.disable, std::move(*disable));
  }
  if (auto regions = r.string_list("region", TableReader::Items::non_empty)) {
    prepend(o.regions, std::move(*regions));
  }
  if (std::optional<double> min = r.number("min_confidence")) {
    if (!(*min >= 0 && *min <= 1)) {
      r.fail_got("min_confidence", "a number from 0 to 1");
    }
    if (o.min_confidence < 0) {
      o.min_confidence = *min;
    }
  }
  if (std::optional<std::string> fail_on = r.string("fail_on")) {
    if (*fail_on != "never" && !parse_severity(*fail_on)) {
      r.fail_got("fail_on", "info, low, medium, high, critical or never");
    }
    if (o.fail_on.empty()) {
      o.fail_on = *fail_on;
    }
  }
}

Options with_project_config(const Options& o) {
  Options merged = o;
  if (o.no_config) {
    return merged;
  }
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  std::optional<fs::path> file = ec ? std::nullopt : find_project_config(cwd);
  if (!file) {
    return merged;
  }
  std::ifstream in(*file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) {
    throw UsageError(file->string() + ": cannot read project config");
  }
  // Shown relative to the working directory, as users name files.
  fs::path shown = file->lexically_relative(cwd);
  merge_project_config(text.str(), shown.string(), shown.parent_path(), merged);
  return merged;
}

} // namespace veil
