#include "baseline/baseline_writer.hpp"

#include "baseline/path_glob.hpp"
#include "sinks/output.hpp"

#include <iostream>

namespace veil {

namespace fs = std::filesystem;

BaselineWriter::BaselineWriter(std::string destination, std::string salt,
                               bool any_file, fs::path cwd)
    : m_destination(std::move(destination)), m_cwd(std::move(cwd)),
      m_any_file(any_file) {
  m_baseline.salt = std::move(salt);
  m_base = m_destination == "-" ? fs::path(".")
                                : fs::path(m_destination).parent_path();
  if (m_base.empty()) {
    m_base = ".";
  }
}

void BaselineWriter::finding(const Finding& f) {
  // input.* findings (malformed lines) have no value to fingerprint: they
  // are fixed in the input, not baselined.
  if (f.baseline_fingerprint.empty()) {
    return;
  }
  ++m_findings;
  BaselineEntry e;
  e.fingerprint = f.baseline_fingerprint;
  e.rule = f.rule;
  if (!m_any_file && f.file != "<stdin>") {
    e.file = relative_to(f.file, m_base, m_cwd);
  }
  m_baseline.entries.push_back(std::move(e));
}

void BaselineWriter::end(const Summary&) {
  sort_entries(m_baseline.entries);
  const size_t entries = m_baseline.entries.size();
  Output out(m_destination);
  out.write(format_baseline(std::move(m_baseline)));
  out.finish();
  std::cerr << "veil: baseline: " << entries
            << (entries == 1 ? " entry" : " entries") << " for " << m_findings
            << (m_findings == 1 ? " finding" : " findings") << '\n';
}

} // namespace veil
