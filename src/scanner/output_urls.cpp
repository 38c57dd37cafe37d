#include "scanner/output_urls.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <mutex>

namespace veil {

namespace {

struct AllowState {
  std::mutex mutex;
  std::vector<std::string> domains;
};

AllowState& allow_state() {
  static AllowState state;
  return state;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

bool is_host_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' ||
         c == '.' || static_cast<unsigned char>(c) >= 0x80;
}

bool is_base64_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '+' ||
         c == '/' || c == '=' || c == '_';
}

// Longest base64-alphabet run mixing digits and letters, or all hex.
bool has_encoded_run(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    if (!is_base64_char(text[i])) {
      ++i;
      continue;
    }
    size_t start = i;
    bool digit = false;
    bool alpha = false;
    bool hex = true;
    for (; i < text.size() && is_base64_char(text[i]); ++i) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      digit = digit || std::isdigit(c) != 0;
      alpha = alpha || std::isalpha(c) != 0;
      hex = hex && std::isxdigit(c) != 0;
    }
    size_t length = i - start;
    if ((length >= 20 && digit && alpha) || (length >= 24 && hex)) {
      return true;
    }
  }
  return false;
}

size_t percent_escapes(std::string_view text) {
  size_t n = 0;
  for (size_t i = 0; i + 2 < text.size(); ++i) {
    if (text[i] == '%' &&
        std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      ++n;
    }
  }
  return n;
}

// Calls fn on each '/'-separated segment of the path, and on each value of
// the query (the part after '=', or the whole parameter without one).
template <typename Fn>
bool any_piece(std::string_view text, char sep, Fn fn) {
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(sep, start);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    if (fn(text.substr(start, end - start))) {
      return true;
    }
    start = end + 1;
  }
  return false;
}

std::string_view query_value(std::string_view parameter) {
  size_t eq = parameter.find('=');
  return eq == std::string_view::npos ? parameter : parameter.substr(eq + 1);
}

bool exfil_risk(std::string_view url, bool (*carries)(const UrlParts&)) {
  std::optional<UrlParts> parts = split_url(url);
  if (!parts || !carries(*parts)) {
    return false;
  }
  AllowState& state = allow_state();
  std::lock_guard<std::mutex> lock(state.mutex);
  return !host_allowed(parts->host, state.domains);
}

} // namespace

std::optional<std::string> normalize_domain(std::string_view text,
                                            std::string* err) {
  if (text.substr(0, 2) == "*.") {
    text.remove_prefix(2);
  } else if (text.substr(0, 1) == ".") {
    text.remove_prefix(1);
  }
  bool valid = !text.empty() && text.front() != '.' && text.back() != '.' &&
               std::all_of(text.begin(), text.end(), is_host_char);
  if (!valid) {
    *err = "not a host name (give example.com, not a URL or a path)";
    return std::nullopt;
  }
  std::string domain(text);
  std::transform(domain.begin(), domain.end(), domain.begin(), [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  });
  return domain;
}

void set_allowed_domains(std::vector<std::string> domains) {
  AllowState& state = allow_state();
  std::lock_guard<std::mutex> lock(state.mutex);
  state.domains = std::move(domains);
}

std::vector<std::string> allowed_domains() {
  AllowState& state = allow_state();
  std::lock_guard<std::mutex> lock(state.mutex);
  return state.domains;
}

std::optional<UrlParts> split_url(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos ||
      !(iequals(url.substr(0, scheme), "http") ||
        iequals(url.substr(0, scheme), "https"))) {
    return std::nullopt;
  }
  std::string_view rest = url.substr(scheme + 3);
  size_t fragment = rest.find('#');
  rest = rest.substr(0, fragment);
  size_t authority_end = rest.find_first_of("/?");
  std::string_view authority = rest.substr(0, authority_end);
  rest = authority_end == std::string_view::npos ? std::string_view()
                                                 : rest.substr(authority_end);
  size_t at = authority.rfind('@');
  if (at != std::string_view::npos) {
    authority.remove_prefix(at + 1);
  }
  UrlParts parts;
  parts.host = authority.substr(0, authority.find(':'));
  if (parts.host.empty()) {
    return std::nullopt;
  }
  size_t question = rest.find('?');
  parts.path = rest.substr(0, question);
  if (question != std::string_view::npos) {
    parts.query = rest.substr(question + 1);
  }
  return parts;
}

bool host_allowed(std::string_view host,
                  const std::vector<std::string>& allowed) {
  if (!host.empty() && host.back() == '.') {
    host.remove_suffix(1); // "example.com." is the same host
  }
  for (const std::string& domain : allowed) {
    if (iequals(host, domain)) {
      return true;
    }
    if (host.size() > domain.size() &&
        host[host.size() - domain.size() - 1] == '.' &&
        iequals(host.substr(host.size() - domain.size()), domain)) {
      return true;
    }
  }
  return false;
}

bool looks_encoded(std::string_view text) {
  return has_encoded_run(text) ||
         (text.size() >= 24 && percent_escapes(text) >= 3);
}

bool image_carries_data(const UrlParts& url) {
  bool query = any_piece(url.query, '&', [](std::string_view p) {
    return !query_value(p).empty();
  });
  return query || any_piece(url.path, '/', looks_encoded);
}

bool link_carries_data(const UrlParts& url) {
  bool query = any_piece(url.query, '&', [](std::string_view p) {
    return looks_encoded(query_value(p));
  });
  return query || any_piece(url.path, '/', looks_encoded);
}

bool validate_exfil_image_url(std::string_view url) {
  return exfil_risk(url, image_carries_data);
}

bool validate_exfil_link_url(std::string_view url) {
  return exfil_risk(url, link_carries_data);
}

namespace {

// clang-format off
constexpr std::array<ValidatorEntry, 2> k_output_validators = {{
    {"exfil_image_url", validate_exfil_image_url},
    {"exfil_link_url",  validate_exfil_link_url},
}};
// clang-format on

} // namespace

std::span<const ValidatorEntry> output_validators() {
  return k_output_validators;
}

} // namespace veil
