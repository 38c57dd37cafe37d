#include "actions/encrypt_token.hpp"

#include "actions/base64url.hpp"

#include <algorithm>

namespace veil {

namespace {

constexpr std::string_view k_marker = ":enc:";

bool is_entity_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= '0' && c <= '9') || c == '_';
}

bool is_body_char(char c) {
  return is_entity_char(c) || c == '-';
}

// A tag alone is 16 bytes: 22 base64url characters.
constexpr size_t k_min_body = (SivCipher::k_tag_size * 4 + 2) / 3;

// OpenSSL's AES-SIV seals no empty plaintext, yet a policy's redact_all
// meets empty strings. The empty value is sealed as one zero byte under
// associated data no entity name can spell (names are [A-Za-z0-9_]), so it
// is never confused with a value that is "\0".
constexpr std::string_view k_empty_plaintext{"\0", 1};

std::string empty_associated(std::string_view entity) {
  return std::string(entity) + ":empty";
}

} // namespace

std::optional<EncryptToken> parse_encrypt_token(std::string_view text) {
  if (text.size() < 2 || text.front() != '[' || text.back() != ']') {
    return std::nullopt;
  }
  std::string_view inner = text.substr(1, text.size() - 2);
  size_t marker = inner.find(k_marker);
  if (marker == 0 || marker == std::string_view::npos) {
    return std::nullopt;
  }
  EncryptToken token{inner.substr(0, marker),
                     inner.substr(marker + k_marker.size())};
  bool ok =
      std::all_of(token.entity.begin(), token.entity.end(), is_entity_char) &&
      token.body.size() >= k_min_body &&
      std::all_of(token.body.begin(), token.body.end(), is_body_char);
  return ok ? std::optional(token) : std::nullopt;
}

std::string TokenCipher::token(std::string_view entity,
                               std::string_view value) const {
  std::string out = "[";
  out.append(entity).append(k_marker);
  out += base64url_encode(
      value.empty() ? m_cipher.seal(empty_associated(entity), k_empty_plaintext)
                    : m_cipher.seal(entity, value));
  out += ']';
  return out;
}

std::optional<std::string> TokenCipher::open(std::string_view text) const {
  std::optional<EncryptToken> token = parse_encrypt_token(text);
  if (!token) {
    return std::nullopt;
  }
  std::optional<std::string> sealed = base64url_decode(token->body);
  if (!sealed) {
    return std::nullopt;
  }
  if (std::optional<std::string> value =
          m_cipher.open(token->entity, *sealed)) {
    return value;
  }
  std::optional<std::string> empty =
      m_cipher.open(empty_associated(token->entity), *sealed);
  return empty && *empty == k_empty_plaintext ? std::optional<std::string>("")
                                              : std::nullopt;
}

} // namespace veil
