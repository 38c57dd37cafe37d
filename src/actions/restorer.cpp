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

void Restorer::count(std::string_view token, const std::string* original,
                     RestoreCounts& counts) {
  if (original != nullptr) {
    ++counts.restored;
  } else if (looks_like_placeholder_token(token)) {
    ++counts.unknown;
  }
}

bool Restorer::restore(std::string_view text, std::string& out,
                       RestoreCounts& counts) {
  size_t copied = 0;
  bool changed = false;
  each(text, [&](size_t start, size_t end, const std::string* original) {
    count(text.substr(start, end - start), original, counts);
    if (original != nullptr) {
      out.append(text, copied, start - copied);
      out += *original;
      copied = end;
      changed = true;
    }
  });
  out.append(text, copied);
  return changed;
}

} // namespace veil
