#include "actions/mask.hpp"

#include "scanner/ascii.hpp"

#include <algorithm>

namespace veil {

namespace {

bool is_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

size_t code_points(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) {
    n += is_continuation(c) ? 0 : 1;
  }
  return n;
}

// ASCII letters and digits: std::isalnum in the "C" locale veil runs in,
// without a library call per byte.
bool is_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z');
}

// Which entities are digit strings whose separators carry no information.
bool is_numberish(std::string_view entity) {
  return entity == "CREDIT_CARD" || entity == "IBAN_CODE" ||
         entity == "US_SSN" || entity == "PHONE_NUMBER";
}

// First code point of s (ASCII or a whole UTF-8 sequence).
std::string_view first_char(std::string_view s) {
  size_t n = 1;
  while (n < s.size() && is_continuation(static_cast<unsigned char>(s[n]))) {
    ++n;
  }
  return s.substr(0, n);
}

} // namespace

std::string masked_preview(std::string_view category, std::string_view entity,
                           std::string_view value) {
  if (entity == "EMAIL_ADDRESS") {
    size_t at = value.rfind('@');
    // A one- or two-letter local part would be given away by its first
    // letter: show the domain only.
    if (at != std::string_view::npos && at > 2) {
      return std::string(first_char(value)) + "***" +
             std::string(value.substr(at));
    }
    if (at != std::string_view::npos) {
      return "****" + std::string(value.substr(at));
    }
  }
  size_t length = code_points(value);
  if (category == "secret" && length >= 16 && value.size() >= 4) {
    size_t keep = 4;
    while (keep > 0 &&
           is_continuation(static_cast<unsigned char>(value[keep]))) {
      --keep;
    }
    return std::string(value.substr(0, keep)) + "****";
  }
  if (length >= 8 &&
      !is_continuation(static_cast<unsigned char>(value.back()))) {
    return std::string(first_char(value)) + "***" + value.back();
  }
  return "****";
}

std::string mask_all(std::string_view value) {
  return std::string(code_points(value), '*');
}

std::string mask_partial(std::string_view entity, std::string_view value) {
  if (entity == "EMAIL_ADDRESS") {
    size_t at = value.rfind('@');
    if (at != std::string_view::npos) {
      return "****" + std::string(value.substr(at));
    }
  }
  size_t alnum = 0;
  for (unsigned char c : value) {
    alnum += is_alnum(c) ? 1 : 0;
  }
  if (alnum < 10) {
    return mask_all(value);
  }
  // Keep the last 4 letters/digits and every separator; mask the rest.
  std::string out;
  size_t seen = 0;
  for (size_t i = 0; i < value.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(value[i]);
    if (is_continuation(c)) {
      continue;
    }
    if (is_alnum(c)) {
      ++seen;
      out += seen > alnum - 4 ? char(c) : '*';
    } else if (c < 0x80) {
      out += char(c);
    } else {
      out += '*';
    }
  }
  return out;
}

std::string normalize_value(std::string_view entity, std::string_view value) {
  std::string out;
  if (is_numberish(entity)) {
    for (unsigned char c : value) {
      if (is_alnum(c)) {
        out += c >= 'a' && c <= 'z' ? char(c - ('a' - 'A')) : char(c);
      }
    }
    return out;
  }
  if (entity == "EMAIL_ADDRESS") {
    out.resize(value.size());
    std::transform(value.begin(), value.end(), out.begin(), ascii_lower);
    return out;
  }
  return std::string(value);
}

} // namespace veil
