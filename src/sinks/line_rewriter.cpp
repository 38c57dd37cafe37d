#include "sinks/line_rewriter.hpp"

#include "sinks/json_escape.hpp"

#include <cassert>

namespace veil {

void rewrite_line(std::string_view content, const std::vector<TokenEdit>& edits,
                  std::string& out) {
  size_t copied = 0; // content before this offset is already in out
  for (const TokenEdit& edit : edits) {
    assert(edit.raw_begin >= copied && edit.raw_begin <= edit.raw_end &&
           edit.raw_end <= content.size());
    out.append(content.substr(copied, edit.raw_begin - copied));
    if (edit.json) {
      append_json_string(out, edit.text);
    } else {
      out += edit.text;
    }
    copied = edit.raw_end;
  }
  out.append(content.substr(copied));
}

} // namespace veil
