// `veil restore` and the vault reader. The input is a vault text, a NUL byte,
// then an answer to restore (no NUL: the whole input is the answer and the
// vault is empty). Properties: the vault reader accepts the text or throws
// InputError, never crashes; a vault it accepts survives to_json() and back;
// restoring an answer never crashes, and an answer with nothing restored
// comes out byte for byte; every token the cipher makes opens to its value.
#include "actions/encrypt_token.hpp"
#include "actions/restorer.hpp"
#include "actions/vault.hpp"
#include "core/errors.hpp"
#include "fuzz_check.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace {

veil::Vault read_vault(std::string_view text) {
  try {
    veil::Vault vault = veil::Vault::parse(text, "fuzz");
    veil::Vault again = veil::Vault::parse(vault.to_json(), "again");
    FUZZ_CHECK(again.entries() == vault.entries());
    return vault;
  } catch (const veil::InputError&) {
    return veil::Vault{};
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t nul = input.find('\0');
  std::string_view answer = input;
  veil::Vault vault;
  if (nul != std::string_view::npos) {
    vault = read_vault(input.substr(0, nul));
    answer = input.substr(nul + 1);
  }
  static const veil::TokenCipher cipher(std::string(64, 'k'));
  veil::Restorer restorer(&vault, &cipher);
  veil::RestoreCounts counts;
  std::string out;
  if (!restorer.restore(answer, out, counts)) {
    FUZZ_CHECK(out == answer);
    FUZZ_CHECK(counts.restored == 0);
  }
  std::string token = cipher.token("FUZZ", answer);
  std::optional<std::string> opened = cipher.open(token);
  FUZZ_CHECK(opened && *opened == answer);
  return 0;
}
