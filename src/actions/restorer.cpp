#include "actions/restorer.hpp"

#include "actions/placeholder_token.hpp"

namespace veil {

bool Restorer::lookup(std::string_view token, std::string& out) const {
  if (m_vault != nullptr) {
    if (const std::string* original = m_vault->find(token)) {
      out += *original;
      return true;
    }
  }
  if (m_cipher != nullptr) {
    if (std::optional<std::string> value = m_cipher->open(token)) {
      out += *value;
      return true;
    }
  }
  return false;
}

bool Restorer::restore(std::string_view text, std::string& out,
                       RestoreCounts& counts) {
  size_t copied = 0;
  size_t open = text.find('[');
  bool changed = false;
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
    std::string_view token = text.substr(open, next + 1 - open);
    size_t before = out.size();
    out.append(text, copied, open - copied);
    if (lookup(token, out)) {
      ++counts.restored;
      changed = true;
      copied = next + 1;
    } else {
      out.resize(before);
      counts.unknown += looks_like_placeholder_token(token) ? 1 : 0;
    }
    open = text.find('[', next + 1);
  }
  out.append(text, copied);
  return changed;
}

} // namespace veil
