// Policy paths: JSON Pointer globs. A segment is matched literally (escaped
// as RFC 6901 writes it: "~1" for "/", "~0" for "~"), "*" inside a segment
// matches any run of characters in that one segment ("user_*"), and a "**"
// segment matches any number of segments. "**/user_email" (no leading "/")
// is read as "/**/user_email". A glob names a node; whatever is below that
// node follows the node's action.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace veil::policy {

class PointerGlob {
public:
  // Throws UsageError when the glob is neither "" nor starts with "/" or
  // "**/".
  explicit PointerGlob(std::string_view glob);

  // How many segments of pointer the glob names when it matches the pointer
  // or one of its ancestors: "/a/*" against "/a/b/c" gives 2. -1 when it
  // matches neither. The deepest named node wins between two globs.
  int match_depth(std::string_view pointer) const;
  // True when the glob could name a node strictly below pointer: allow mode
  // keeps walking into such containers.
  bool could_match_below(std::string_view pointer) const;

  const std::string& text() const { return m_text; }

private:
  std::string m_text;
  std::vector<std::string> m_segments; // escaped, as written
};

// Splits an RFC 6901 pointer into its segments, still escaped.
std::vector<std::string_view> pointer_segments(std::string_view pointer);

} // namespace veil::policy
