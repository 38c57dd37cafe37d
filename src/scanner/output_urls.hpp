// Exfiltration links in model output: a markdown or HTML image is fetched by
// the client that renders the answer, so a URL that carries data (a query,
// an encoded path segment) to a host the operator did not allow sends that
// data away with no click. Links need a click and stronger evidence.
// rules/output_web.toml finds the URLs; the validators here decide. The CLI
// passes --allow-domain through set_allowed_domains before any scan.
#pragma once

#include "scanner/validators.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace veil {

// "Example.COM", ".example.com" and "*.example.com" all give "example.com";
// nullopt with *err set when the text is not a host name (a URL, a path).
std::optional<std::string> normalize_domain(std::string_view text,
                                            std::string* err);

// Replaces the allowed hosts (normalized); each allows its subdomains too.
// Call before scanning starts; validators read the list concurrently.
void set_allowed_domains(std::vector<std::string> domains);
std::vector<std::string> allowed_domains();

struct UrlParts {
  std::string_view host;  // lower-case not guaranteed; no port, no userinfo
  std::string_view path;  // from the first '/' after the host, may be empty
  std::string_view query; // after '?', without the fragment
};

// http(s) URLs only; nullopt for anything else.
std::optional<UrlParts> split_url(std::string_view url);

bool host_allowed(std::string_view host,
                  const std::vector<std::string>& allowed);

// A run of 20+ base64 characters mixing digits and letters, 24+ hex digits,
// or three %XX escapes in 24+ bytes: what encoded data looks like.
bool looks_encoded(std::string_view text);

// Images: any query value or an encoded path segment is data.
bool image_carries_data(const UrlParts& url);
// Links: only an encoded query value or path segment is.
bool link_carries_data(const UrlParts& url);

// Validators (group "output"): true when the URL is an exfiltration risk.
bool validate_exfil_image_url(std::string_view url);
bool validate_exfil_link_url(std::string_view url);

std::span<const ValidatorEntry> output_validators();

} // namespace veil
