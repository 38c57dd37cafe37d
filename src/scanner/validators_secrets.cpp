// Validators of the secrets group (see validators.hpp): offline evidence that
// a token-shaped string was minted by its vendor. Rules use them with
// validator_mode = "score": a failing check keeps the finding but lowers its
// confidence, since a hand-edited or truncated credential is still a leak.
#include "core/json_string.hpp"
#include "scanner/validators.hpp"

#include <nlohmann/json.hpp>
#include <zlib.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace veil {

namespace {

constexpr std::string_view k_base62 =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

uint32_t crc32_of(std::string_view data) {
  uLong crc = crc32(0L, Z_NULL, 0);
  crc = crc32(crc, reinterpret_cast<const Bytef*>(data.data()),
              static_cast<uInt>(data.size()));
  return static_cast<uint32_t>(crc);
}

// The part after the vendor prefix ("ghp_", "npm_", "cfut_"): everything
// after the first underscore.
std::optional<std::string_view> body_after_prefix(std::string_view text) {
  size_t underscore = text.find('_');
  if (underscore == std::string_view::npos || underscore == 0) {
    return std::nullopt;
  }
  return text.substr(underscore + 1);
}

bool is_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
         (c >= 'a' && c <= 'z');
}

bool all_alnum(std::string_view s) {
  for (char c : s) {
    if (!is_alnum(c)) {
      return false;
    }
  }
  return true;
}

// GitHub (2021 formats) and npm (2021): 30 random base62 characters, then
// the CRC32 of those 30 characters written in base62 (0-9A-Za-z), padded
// with '0' to six characters.
bool validate_crc32_base62(std::string_view text) {
  auto body = body_after_prefix(text);
  if (!body || body->size() != 36 || !all_alnum(*body)) {
    return false;
  }
  uint32_t crc = crc32_of(body->substr(0, 30));
  std::array<char, 6> expected{};
  for (size_t i = expected.size(); i-- > 0;) {
    expected[i] = k_base62[crc % 62];
    crc /= 62;
  }
  // 62^6 > 2^32, so nothing is left over; the digits compare one by one.
  return body->substr(30) == std::string_view(expected.data(), 6);
}

// Cloudflare scannable credentials (cfk_, cfut_, cfat_): 40 alphanumeric
// characters, then the CRC32 of those 40 as 8 hex digits.
bool validate_crc32_hex8(std::string_view text) {
  auto body = body_after_prefix(text);
  if (!body || body->size() != 48 || !all_alnum(body->substr(0, 40))) {
    return false;
  }
  uint32_t written = 0;
  for (char c : body->substr(40)) {
    int v = hex_value(c);
    if (v < 0) {
      return false;
    }
    written = (written << 4) | static_cast<uint32_t>(v);
  }
  return written == crc32_of(body->substr(0, 40));
}

int base64_value(char c, bool url) {
  if (c >= 'A' && c <= 'Z') {
    return c - 'A';
  }
  if (c >= 'a' && c <= 'z') {
    return c - 'a' + 26;
  }
  if (c >= '0' && c <= '9') {
    return c - '0' + 52;
  }
  if (c == (url ? '-' : '+')) {
    return 62;
  }
  if (c == (url ? '_' : '/')) {
    return 63;
  }
  return -1;
}

// Decodes unpadded (or '='-padded) base64/base64url; nullopt on a foreign
// character or an impossible length (one leftover character).
std::optional<std::string> decode_base64(std::string_view text, bool url) {
  while (!text.empty() && text.back() == '=') {
    text.remove_suffix(1);
  }
  if (text.size() % 4 == 1) {
    return std::nullopt;
  }
  std::string out;
  out.reserve(text.size() * 3 / 4);
  uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    int v = base64_value(c, url);
    if (v < 0) {
      return std::nullopt;
    }
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  return out;
}

// header.payload.signature, each base64url; the header is a JSON object
// naming its algorithm. The signature may be empty (alg "none").
bool validate_jwt(std::string_view text) {
  size_t first = text.find('.');
  size_t second = first == std::string_view::npos ? std::string_view::npos
                                                  : text.find('.', first + 1);
  if (second == std::string_view::npos ||
      text.find('.', second + 1) != std::string_view::npos) {
    return false;
  }
  auto header = decode_base64(text.substr(0, first), true);
  auto payload =
      decode_base64(text.substr(first + 1, second - first - 1), true);
  auto signature = decode_base64(text.substr(second + 1), true);
  if (!header || !payload || !signature) {
    return false;
  }
  auto json = nlohmann::json::parse(*header, nullptr, false);
  return json.is_object() && json.contains("alg") && json["alg"].is_string();
}

bool is_base64_char(char c) {
  return base64_value(c, false) >= 0;
}

// The base64 body of a PEM or PGP armor block: header lines ("Proc-Type:",
// "Version:"), the PGP checksum line ("=ab12") and the BEGIN/END lines are
// skipped; "\n" written as two characters (a log that escaped it) counts as
// a line break. A block cut short is judged on what is there.
bool validate_pem(std::string_view text) {
  size_t begin = text.find("-----BEGIN");
  if (begin == std::string_view::npos) {
    return false;
  }
  size_t after_begin = text.find("-----", begin + 10);
  if (after_begin == std::string_view::npos) {
    return false;
  }
  std::string_view rest = text.substr(after_begin + 5);
  size_t end = rest.find("-----END");
  if (end != std::string_view::npos) {
    rest = rest.substr(0, end);
  }
  std::string body;
  size_t i = 0;
  while (i < rest.size()) {
    size_t eol = i;
    while (eol < rest.size() && rest[eol] != '\n' && rest[eol] != '\r' &&
           !(rest[eol] == '\\' && eol + 1 < rest.size() &&
             (rest[eol + 1] == 'n' || rest[eol + 1] == 'r'))) {
      ++eol;
    }
    std::string_view line = rest.substr(i, eol - i);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
      line.remove_prefix(1);
    }
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) {
      line.remove_suffix(1);
    }
    bool header = line.find(':') != std::string_view::npos;
    bool armor_checksum = line.size() == 5 && line.front() == '=';
    if (!header && !armor_checksum) {
      for (char c : line) {
        if (c == '=') {
          continue;
        }
        if (!is_base64_char(c)) {
          return false;
        }
        body.push_back(c);
      }
    }
    i = eol + ((eol < rest.size() && rest[eol] == '\\') ? 2 : 1);
  }
  // The shortest private key (an Ed25519 PKCS#8 block) has 64 characters.
  if (body.size() < 40) {
    return false;
  }
  body.resize(body.size() - body.size() % 4);
  return decode_base64(body, false).has_value();
}

// HTTP Basic credentials and Docker "auth" values: standard base64 that
// decodes to printable text holding a colon (user:password).
bool validate_basic_auth(std::string_view text) {
  auto decoded = decode_base64(text, false);
  if (!decoded || decoded->size() < 3 ||
      decoded->find(':') == std::string::npos) {
    return false;
  }
  for (unsigned char c : *decoded) {
    // Control characters mean random bytes, not a user name and password;
    // bytes >= 0x80 may be UTF-8 in either part.
    if (c < 0x20 || c == 0x7F) {
      return false;
    }
  }
  return true;
}

// AWS access key ids: a four-letter type prefix and 16 base32 characters
// (A-Z, 2-7). Prefixes from AWS's IAM documentation of unique ID prefixes.
bool validate_aws_key_id(std::string_view text) {
  constexpr std::array<std::string_view, 12> k_prefixes = {
      "AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA",
      "AIPA", "ANPA", "ANVA", "APKA", "AROA", "ASCA"};
  if (text.size() != 20) {
    return false;
  }
  bool known = false;
  for (std::string_view prefix : k_prefixes) {
    known = known || text.substr(0, 4) == prefix;
  }
  if (!known) {
    return false;
  }
  for (char c : text.substr(4)) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'))) {
      return false;
    }
  }
  return true;
}

constexpr std::array<ValidatorEntry, 6> k_secret_validators = {{
    {"crc32_base62", validate_crc32_base62},
    {"crc32_hex8", validate_crc32_hex8},
    {"jwt", validate_jwt},
    {"pem", validate_pem},
    {"aws_key_id", validate_aws_key_id},
    {"basic_auth", validate_basic_auth},
}};

} // namespace

std::span<const ValidatorEntry> secret_validators() {
  return k_secret_validators;
}

} // namespace veil
