// redact --vault: loads the vault (an existing one is extended, its labels
// kept), numbers labels across the whole run so that each placeholder
// stands for one value in it, and writes it once the run is done.
#pragma once

#include "actions/vault.hpp"
#include "cli/options.hpp"
#include "pipeline/pipeline.hpp"

#include <optional>

namespace veil {

class VaultSetup {
public:
  // Throws UsageError for --scope line|file with --vault, InputError for a
  // vault file that cannot be read.
  VaultSetup(const Options& o, RunOptions& r);

  // r.actions.vault points into this object.
  VaultSetup(const VaultSetup&) = delete;
  VaultSetup& operator=(const VaultSetup&) = delete;

  // Writes the vault (mode 0600, atomically) after the run and notes on
  // stderr the values that came back under another spelling's placeholder.
  ExitCode finish(ExitCode code);

private:
  std::string m_path;
  std::optional<Vault> m_vault;
};

} // namespace veil
