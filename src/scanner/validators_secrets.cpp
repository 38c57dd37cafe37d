// Validators of the secrets group (see validators.hpp).
#include "scanner/validators.hpp"

namespace veil {

std::span<const ValidatorEntry> secret_validators() {
  return {};
}

} // namespace veil
