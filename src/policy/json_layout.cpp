#include "policy/json_layout.hpp"

#include "core/json_pointer.hpp"
#include "core/json_string.hpp"

namespace veil::policy {

namespace {

// As the reader: deeper lines were already refused, this is a backstop.
constexpr uint32_t k_max_depth = 600;

class Walker {
public:
  Walker(std::string_view s, std::vector<Node>& nodes)
      : m_s(s), m_nodes(nodes) {}

  bool root() {
    skip_space();
    if (!value(-1, 0, m_pos)) {
      return false;
    }
    skip_space();
    return m_pos == m_s.size();
  }

private:
  void skip_space() {
    while (m_pos < m_s.size() && (m_s[m_pos] == ' ' || m_s[m_pos] == '\t' ||
                                  m_s[m_pos] == '\n' || m_s[m_pos] == '\r')) {
      ++m_pos;
    }
  }
  bool peek(char c) const { return m_pos < m_s.size() && m_s[m_pos] == c; }

  // Advances past a string token starting at m_pos (a quote).
  bool skip_string() {
    for (size_t p = m_pos + 1; p < m_s.size(); ++p) {
      if (m_s[p] == '\\') {
        ++p;
      } else if (m_s[p] == '"') {
        m_pos = p + 1;
        return true;
      }
    }
    return false;
  }

  bool value(int32_t parent, uint32_t depth, size_t member_begin) {
    if (depth > k_max_depth || m_pos >= m_s.size()) {
      return false;
    }
    size_t index = m_nodes.size();
    Node node;
    node.pointer = m_pointer;
    node.begin = static_cast<uint32_t>(m_pos);
    node.member_begin = static_cast<uint32_t>(member_begin);
    node.parent = parent;
    node.depth = depth;
    m_nodes.push_back(std::move(node));
    bool ok = true;
    char c = m_s[m_pos];
    if (c == '{') {
      m_nodes[index].kind = NodeKind::object;
      ok = object(static_cast<int32_t>(index), depth);
    } else if (c == '[') {
      m_nodes[index].kind = NodeKind::array;
      ok = array(static_cast<int32_t>(index), depth);
    } else if (c == '"') {
      m_nodes[index].kind = NodeKind::string;
      ok = skip_string();
    } else {
      m_nodes[index].kind = c == '-' || (c >= '0' && c <= '9')
                                ? NodeKind::number
                                : NodeKind::literal;
      size_t start = m_pos;
      while (m_pos < m_s.size() && m_s[m_pos] != ',' && m_s[m_pos] != '}' &&
             m_s[m_pos] != ']' && m_s[m_pos] != ' ' && m_s[m_pos] != '\t' &&
             m_s[m_pos] != '\n' && m_s[m_pos] != '\r') {
        ++m_pos;
      }
      ok = m_pos > start;
    }
    m_nodes[index].end = static_cast<uint32_t>(m_pos);
    return ok;
  }

  bool object(int32_t self, uint32_t depth) {
    ++m_pos; // {
    skip_space();
    if (peek('}')) {
      ++m_pos;
      return true;
    }
    size_t base = m_pointer.size();
    while (true) {
      skip_space();
      if (!peek('"')) {
        return false;
      }
      size_t key_begin = m_pos;
      if (!skip_string()) {
        return false;
      }
      std::string_view raw = m_s.substr(key_begin + 1, m_pos - key_begin - 2);
      append_pointer_segment(m_pointer, unescape_json(raw));
      skip_space();
      if (!peek(':')) {
        return false;
      }
      ++m_pos;
      skip_space();
      if (!value(self, depth + 1, key_begin)) {
        return false;
      }
      m_pointer.resize(base);
      if (!next_or_close('}')) {
        return m_closed;
      }
    }
  }

  bool array(int32_t self, uint32_t depth) {
    ++m_pos; // [
    skip_space();
    if (peek(']')) {
      ++m_pos;
      return true;
    }
    size_t base = m_pointer.size();
    for (size_t i = 0;; ++i) {
      skip_space();
      append_pointer_index(m_pointer, i);
      if (!value(self, depth + 1, m_pos)) {
        return false;
      }
      m_pointer.resize(base);
      if (!next_or_close(']')) {
        return m_closed;
      }
    }
  }

  // After a member: true on ",", false with m_closed set on the closer.
  bool next_or_close(char closer) {
    skip_space();
    m_closed = peek(closer);
    if (peek(',') || m_closed) {
      ++m_pos;
      return !m_closed;
    }
    return false;
  }

  std::string_view m_s;
  std::vector<Node>& m_nodes;
  std::string m_pointer;
  size_t m_pos = 0;
  bool m_closed = false;
};

} // namespace

bool parse_layout(std::string_view content, std::vector<Node>& nodes) {
  nodes.clear();
  return Walker(content, nodes).root();
}

} // namespace veil::policy
