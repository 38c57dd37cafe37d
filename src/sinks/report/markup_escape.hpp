// Escaping for XML and HTML (junit and html reports): input text made safe
// first (report_text.hpp), then the five markup characters as entities, so
// the result can sit in element content and in quoted attribute values.
#pragma once

#include <string>
#include <string_view>

namespace veil {

std::string markup_escape(std::string_view s);

} // namespace veil
