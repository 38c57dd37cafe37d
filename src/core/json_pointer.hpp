// RFC 6901 JSON Pointers: building them while walking a document, and
// matching them against --field patterns where a "*" segment matches any one
// key or index and a "**" segment matches any number of segments. A pattern
// selects the node it names and everything below it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace veil {

// Appends "/" + the escaped key ("~" -> "~0", "/" -> "~1").
void append_pointer_segment(std::string& pointer, std::string_view key);
void append_pointer_index(std::string& pointer, size_t index);

// The last segment that is not an array index, unescaped: the key that
// names a value ("/a/b~1c" -> "b/c", "/api_keys/0" -> "api_keys").
std::string last_key_segment(std::string_view pointer);
// The same into out, reusing its buffer.
void last_key_segment(std::string_view pointer, std::string& out);
// That segment as the pointer spells it, escapes and all ("/a/b~1c" ->
// "b~1c"): a view, and as good as the key for telling keys apart.
std::string_view last_key_segment_escaped(std::string_view pointer);

class PointerPattern {
public:
  // Throws UsageError when the pattern is not "" and does not start with "/".
  explicit PointerPattern(std::string_view pattern);
  bool matches(std::string_view pointer) const;

private:
  std::vector<std::string> m_segments; // escaped, as written
};

} // namespace veil
