#include "baseline/suppressor.hpp"

#include "baseline/path_glob.hpp"

namespace veil {

namespace fs = std::filesystem;

namespace {

// Input problems and stdin have no file a glob could name.
bool has_path(const Finding& f) {
  return f.file != "<stdin>";
}

} // namespace

Suppressor::Suppressor(std::optional<LoadedBaseline> baseline,
                       std::optional<IgnoreFile> ignore, bool inline_allow,
                       fs::path cwd)
    : m_baseline(std::move(baseline)), m_ignore(std::move(ignore)),
      m_inline_allow(inline_allow), m_cwd(std::move(cwd)) {
  if (m_baseline) {
    const auto& entries = m_baseline->baseline.entries;
    for (size_t i = 0; i < entries.size(); ++i) {
      m_by_fingerprint[entries[i].fingerprint].push_back(i);
    }
    m_baseline_used.assign(entries.size(), false);
  }
  if (m_ignore) {
    m_ignore_used.assign(m_ignore->entries.size(), false);
  }
}

bool Suppressor::suppresses(const Finding& f) {
  if (m_inline_allow && f.allow_marker) {
    return true;
  }
  return ignored(f) || baselined(f);
}

const std::string& Suppressor::relative(const std::string& file,
                                        const fs::path& base,
                                        std::string& cache_key,
                                        std::string& cache) {
  if (cache_key != file || cache.empty()) {
    cache_key = file;
    cache = relative_to(file, base, m_cwd);
  }
  return cache;
}

bool Suppressor::ignored(const Finding& f) {
  if (!m_ignore) {
    return false;
  }
  using Kind = IgnoreEntry::Kind;
  bool hit = false;
  for (size_t i = 0; i < m_ignore->entries.size(); ++i) {
    const IgnoreEntry& e = m_ignore->entries[i];
    bool match = false;
    if (e.kind == Kind::fingerprint) {
      match = e.value == f.fingerprint || e.value == f.baseline_fingerprint;
    } else if ((e.kind == Kind::rule || e.kind == Kind::rule_or_path) &&
               e.value == f.rule) {
      match = true;
    }
    if (!match && (e.kind == Kind::path || e.kind == Kind::rule_or_path) &&
        has_path(f)) {
      match = path_glob_matches(e.value, relative(f.file, m_ignore->base,
                                                  m_ignore_key, m_ignore_rel));
    }
    if (match) {
      m_ignore_used[i] = true;
      hit = true;
    }
  }
  return hit;
}

bool Suppressor::baselined(const Finding& f) {
  if (!m_baseline || f.baseline_fingerprint.empty()) {
    return false;
  }
  auto it = m_by_fingerprint.find(f.baseline_fingerprint);
  if (it == m_by_fingerprint.end()) {
    return false;
  }
  bool hit = false;
  for (size_t i : it->second) {
    const BaselineEntry& e = m_baseline->baseline.entries[i];
    if (e.rule != f.rule) {
      continue;
    }
    if (!e.file.empty() &&
        (!has_path(f) || e.file != relative(f.file, m_baseline->base,
                                            m_baseline_key, m_baseline_rel))) {
      continue;
    }
    m_baseline_used[i] = true;
    hit = true;
  }
  return hit;
}

size_t Suppressor::report_unused(std::ostream& err) const {
  size_t n = 0;
  if (m_ignore) {
    for (size_t i = 0; i < m_ignore->entries.size(); ++i) {
      if (!m_ignore_used[i]) {
        const IgnoreEntry& e = m_ignore->entries[i];
        err << "veil: " << m_ignore->name << ':' << e.line
            << ": unused ignore entry " << e.value << '\n';
        ++n;
      }
    }
  }
  if (m_baseline) {
    const auto& entries = m_baseline->baseline.entries;
    for (size_t i = 0; i < entries.size(); ++i) {
      if (!m_baseline_used[i]) {
        const BaselineEntry& e = entries[i];
        err << "veil: " << m_baseline->name << ':' << e.line
            << ": unused baseline entry (rule " << e.rule;
        if (!e.file.empty()) {
          err << ", file " << e.file;
        }
        err << ")\n";
        ++n;
      }
    }
  }
  return n;
}

} // namespace veil
