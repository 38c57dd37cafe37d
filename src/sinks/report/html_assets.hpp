// The fixed parts of the html report: its style sheet, its script (sorting
// and filtering the findings table) and the Content-Security-Policy that
// allows exactly these two and nothing else: no network, no other script,
// so even text that slipped through escaping could not run or fetch.
#pragma once

#include <string>
#include <string_view>

namespace veil {

std::string_view html_style();
std::string_view html_script();

// The CSP meta tag's content, pinning html_style() and html_script() by
// their SHA-256.
std::string html_content_security_policy();

} // namespace veil
