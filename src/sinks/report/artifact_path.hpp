// File names as code-review tools want them (SARIF, GitHub annotations):
// relative to the checkout, which is the working directory in CI. veil
// reports name files as they were given; these formats rewrite them.
#pragma once

#include <string>
#include <string_view>

namespace veil {

// "<stdin>" -> "stdin"; "./a/b" and "a//b" -> "a/b"; an absolute path under
// `cwd` -> relative to it; any other absolute path stays absolute.
std::string relative_path(std::string_view file, std::string_view cwd);

// The working directory, "" when it can't be read.
std::string current_directory();

// A path as a relative URI reference (RFC 3986): every byte but unreserved
// characters and '/' percent-encoded, and a leading '/' dropped, so the
// result never names an absolute location.
std::string path_to_uri(std::string_view path);

} // namespace veil
