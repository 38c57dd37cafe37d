// `veil restore`'s core: finds placeholders in a text and puts the original
// values back. A placeholder is a bracketed word: "[EMAIL_ADDRESS_1]"
// (label), "[PERSON:9f86d081884c7d65]" (hash), "[EMAIL_ADDRESS:enc:...]"
// (encrypt). Each is looked up in the vault; encrypt tokens missing from it
// are opened with the key. Bracketed words of a placeholder's shape found in
// neither are left as they are and counted; other brackets ("[1]", "[sic]")
// are ordinary text.
#pragma once

#include "actions/encrypt_token.hpp"
#include "actions/vault.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace veil {

struct RestoreCounts {
  size_t restored = 0; // placeholders replaced by their value
  size_t unknown = 0;  // placeholder-shaped, but in no vault and not opened
};

class Restorer {
public:
  // Either may be null: no vault (encrypt tokens only), no key.
  Restorer(const Vault* vault, const TokenCipher* cipher)
      : m_vault(vault), m_cipher(cipher) {}

  // Appends text to out with every known placeholder replaced. Returns
  // false when nothing was replaced (out then holds text unchanged).
  bool restore(std::string_view text, std::string& out, RestoreCounts& counts);
  // The same one placeholder at a time (a piece of a long line restores
  // only those that start in its own bytes): calls found(start, end,
  // original) for each bracketed word of text, original null when unknown.
  // A template: restore() runs it on every field of every line.
  template <typename Found>
  void each(std::string_view text, Found found) {
    size_t open = text.find('[');
    while (open != std::string_view::npos) {
      // The innermost bracket pair: "a[b [X_1]" holds the token "[X_1]".
      size_t next = text.find_first_of("[]", open + 1);
      if (next == std::string_view::npos) {
        break;
      }
      if (text[next] == '[') {
        open = next;
        continue;
      }
      m_original.clear();
      const bool known = lookup(text.substr(open, next + 1 - open), m_original);
      found(open, next + 1, known ? &m_original : nullptr);
      open = text.find('[', next + 1);
    }
  }
  // Counts a bracketed word each() gave: restored, or unknown if it looks
  // like a placeholder.
  static void count(std::string_view token, const std::string* original,
                    RestoreCounts& counts);

private:
  // The original for one bracketed word, if known.
  bool lookup(std::string_view token, std::string& out) const;
  std::string m_original; // each()'s scratch

  const Vault* m_vault;
  const TokenCipher* m_cipher;
};

} // namespace veil
