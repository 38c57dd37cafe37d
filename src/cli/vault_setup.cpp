#include "cli/vault_setup.hpp"

#include "core/errors.hpp"

#include <iostream>

namespace veil {

VaultSetup::VaultSetup(const Options& o, RunOptions& r) : m_path(o.vault) {
  if (m_path.empty()) {
    return;
  }
  // Label numbers restart per line or file under those scopes, so
  // [EMAIL_ADDRESS_1] could stand for two values: one vault, one numbering.
  if (!o.scope.empty() && o.scope != "run") {
    throw UsageError("--scope " + o.scope +
                     " with --vault: a placeholder must stand for one value "
                     "in the vault, so labels are numbered across the run "
                     "(leave --scope out or give --scope run)");
  }
  m_vault = Vault::load(m_path, false);
  r.actions.scope = Scope::run;
  r.actions.vault = &*m_vault;
}

ExitCode VaultSetup::finish(ExitCode code) {
  if (!m_vault) {
    return code;
  }
  m_vault->save(m_path);
  if (size_t n = m_vault->conflicts(); n > 0) {
    std::cerr << "veil: note: " << m_path << ": " << n
              << (n == 1 ? " value was" : " values were")
              << " written differently from the one its placeholder "
                 "already stands for (spaces, case); restore gives that "
                 "first spelling\n";
  }
  return code;
}

} // namespace veil
