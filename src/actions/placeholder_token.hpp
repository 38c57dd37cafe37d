// The shapes of the placeholders redact writes: "[EMAIL_ADDRESS_1]" (label),
// "[PERSON:9f86d081884c7d65]" (hash) and "[EMAIL_ADDRESS:enc:BODY]"
// (encrypt). restore counts bracketed words of these shapes that it cannot
// fill; the scanner ignores matches inside them, so that scanning or
// redacting redacted text again leaves its tokens alone (an encrypt token's
// base64 body looks like a random key to the generic secret rules).
#pragma once

#include <cstddef>
#include <string_view>

namespace veil {

// True for "[ENTITY_N]", "[ENTITY:16 hex]" and "[ENTITY:enc:BODY]" with an
// upper-case ENTITY ([A-Z][A-Z0-9_]*).
bool looks_like_placeholder_token(std::string_view text);

// True when [start, end) lies inside one such token of text.
bool within_placeholder_token(std::string_view text, size_t start, size_t end);

// within_placeholder_token() for the matches of a search, whose starts rise:
// each call goes on from where the last one on the same text stopped and a
// token is read once, so a text of n bytes costs O(n) however many matches
// it holds (a '[' looked for from each match back to the start of a 200 MB
// line without one: still at it after ten minutes). A text asked about must
// not change while the probe is in use.
class PlaceholderProbe {
public:
  bool within(std::string_view text, size_t start, size_t end);

private:
  static constexpr size_t k_none = std::string_view::npos;
  std::string_view m_text;
  size_t m_scanned = 0;         // bytes of m_text looked at for '['
  size_t m_open = k_none;       // the last '[' among them
  size_t m_token_open = k_none; // the '[' that m_close and m_token are of
  size_t m_close = k_none;      // the first '[' or ']' after it
  bool m_token = false;         // the two enclose a placeholder token
};

} // namespace veil
