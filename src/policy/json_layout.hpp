// The structure of one JSON line that the reader has already accepted:
// every value as a Node with its JSON Pointer and byte spans, in document
// order (pre-order). The reader only lists strings; the policy also needs
// objects, arrays, numbers and where each member starts (its key), so that
// a field can be cut out with the commas around it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace veil::policy {

enum class NodeKind : uint8_t { object, array, string, number, literal };

struct Node {
  std::string pointer;
  uint32_t begin = 0;        // value token(s), without surrounding spaces
  uint32_t end = 0;          // one past the value's last byte
  uint32_t member_begin = 0; // object member: its key's quote; else begin
  int32_t parent = -1;       // index of the container node; -1 for the root
  uint32_t depth = 0;        // pointer segments
  NodeKind kind = NodeKind::literal;
};

// Fills nodes from content. Returns false (nodes partial) when content is
// not the JSON the reader accepted: the caller then treats the record as
// one it cannot apply field rules to.
bool parse_layout(std::string_view content, std::vector<Node>& nodes);

} // namespace veil::policy
