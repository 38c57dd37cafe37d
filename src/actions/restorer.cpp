#include "actions/restorer.hpp"

#include <algorithm>

namespace veil {

namespace {

bool is_upper_entity(std::string_view s) {
  return !s.empty() && s.front() >= 'A' && s.front() <= 'Z' &&
         std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
         });
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(),
                                   [](char c) { return c >= '0' && c <= '9'; });
}

bool is_hash_body(std::string_view s) {
  return s.size() == 16 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

} // namespace

bool looks_like_placeholder_token(std::string_view text) {
  if (text.size() < 3 || text.front() != '[' || text.back() != ']') {
    return false;
  }
  if (auto token = parse_encrypt_token(text)) {
    return is_upper_entity(token->entity);
  }
  std::string_view inner = text.substr(1, text.size() - 2);
  size_t colon = inner.find(':');
  if (colon != std::string_view::npos) {
    return is_upper_entity(inner.substr(0, colon)) &&
           is_hash_body(inner.substr(colon + 1));
  }
  size_t underscore = inner.rfind('_');
  return underscore != std::string_view::npos &&
         is_upper_entity(inner.substr(0, underscore)) &&
         all_digits(inner.substr(underscore + 1));
}

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
