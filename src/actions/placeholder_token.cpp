#include "actions/placeholder_token.hpp"

#include "actions/encrypt_token.hpp"

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

bool within_placeholder_token(std::string_view text, size_t start, size_t end) {
  return PlaceholderProbe().within(text, start, end);
}

bool PlaceholderProbe::within(std::string_view text, size_t start, size_t end) {
  if (start >= text.size() || end > text.size() || start >= end) {
    return false;
  }
  const bool same = text.data() == m_text.data() &&
                    text.size() == m_text.size() && start + 1 >= m_scanned;
  if (same) {
    size_t found = text.substr(m_scanned, start + 1 - m_scanned).rfind('[');
    m_open = found == k_none ? m_open : m_scanned + found;
  } else {
    m_text = text;
    m_open = text.rfind('[', start);
    m_token_open = k_none;
  }
  m_scanned = start + 1;
  if (m_open == k_none) {
    return false;
  }
  if (m_token_open != m_open) {
    m_token_open = m_open;
    m_close = text.find_first_of("[]", m_open + 1);
    m_token =
        m_close != k_none && text[m_close] == ']' &&
        looks_like_placeholder_token(text.substr(m_open, m_close + 1 - m_open));
  }
  return m_token && m_close + 1 >= end;
}

} // namespace veil
