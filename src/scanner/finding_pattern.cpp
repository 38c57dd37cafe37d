#include "scanner/finding_pattern.hpp"

#include <algorithm>
#include <vector>

namespace veil {

namespace {

struct Unknown {};

// A parsed stretch of pattern, as it is to be written back.
struct Part {
  std::string text;
  bool holds = false; // holds the capture group
  // Its bare flag groups ("(?i)") outside any group of its own: they hold
  // for the rest of the enclosing group.
  std::string flags;
};

// Reads the pattern once, copying it through except for the branches it
// leaves out. Only the structure matters here (groups, alternations,
// classes and escapes, so that a '|' or ')' inside them is not taken for
// one); RE2 has already accepted the pattern.
class Pruner {
public:
  Pruner(std::string_view pattern, int group) : m_p(pattern), m_group(group) {}

  std::optional<std::string> run() {
    Part top = alternation(true);
    if (m_pos != m_p.size() || !top.holds || !m_pruned) {
      return std::nullopt;
    }
    return top.text;
  }

private:
  char peek(size_t ahead = 0) const {
    return m_pos + ahead < m_p.size() ? m_p[m_pos + ahead] : '\0';
  }
  // Moves past the next `stop`; throws when there is none.
  void through(std::string_view stop) {
    size_t end = m_p.find(stop, m_pos);
    if (end == std::string_view::npos) {
      throw Unknown{};
    }
    m_pos = end + stop.size();
  }

  // Branches up to the ')' that closes the group, or the end. With `prune`,
  // when some branch holds the group, only those are kept. A flag group
  // such as "(?m)" holds for the rest of the enclosing group, later
  // branches included, so a left-out branch's flags are written before
  // the next kept branch.
  Part alternation(bool prune) {
    std::vector<Part> branches;
    while (true) {
      branches.push_back(concat(prune));
      if (peek() != '|') {
        break;
      }
      ++m_pos;
    }
    Part out;
    out.holds = std::any_of(branches.begin(), branches.end(),
                            [](const Part& b) { return b.holds; });
    const bool keep_all = !prune || !out.holds;
    std::string carried;
    bool first = true;
    for (size_t i = 0; i < branches.size(); ++i) {
      if (!keep_all && !branches[i].holds) {
        carried += branches[i].flags;
        m_pruned = true;
        continue;
      }
      out.text += (first ? "" : "|") + carried + branches[i].text;
      carried.clear();
      first = false;
    }
    return out;
  }

  Part concat(bool prune) {
    Part out;
    while (m_pos < m_p.size() && peek() != '|' && peek() != ')') {
      Part atom = next_atom(prune);
      out.text += atom.text;
      out.holds = out.holds || atom.holds;
      out.flags += atom.flags;
    }
    return out;
  }

  Part next_atom(bool prune) {
    const size_t start = m_pos;
    switch (peek()) {
    case '(':
      return group(prune);
    case '[':
      char_class();
      break;
    case '\\':
      escape();
      break;
    default:
      ++m_pos;
      break;
    }
    Part out;
    out.text = m_p.substr(start, m_pos - start);
    return out;
  }

  Part group(bool prune) {
    const size_t start = m_pos++;
    bool capturing = peek() != '?';
    if (!capturing) {
      ++m_pos;
      if (peek() == 'P' || peek() == '<') {
        through(">");
        capturing = true;
      } else {
        while (peek() != ':' && peek() != ')') {
          if (std::string_view("imsU-").find(peek()) ==
              std::string_view::npos) {
            throw Unknown{};
          }
          ++m_pos;
        }
        if (peek() == ')') {
          ++m_pos;
          std::string flags(m_p.substr(start, m_pos - start));
          return Part{flags, false, flags};
        }
        ++m_pos;
      }
    }
    const bool target = capturing && ++m_groups == m_group;
    const size_t body_start = m_pos;
    const bool pruned_before = m_pruned;
    if (++m_depth > k_max_depth) {
      throw Unknown{}; // deeper than any rule; the stack is finite
    }
    Part body = alternation(prune && !target);
    --m_depth;
    if (peek() != ')') {
      throw Unknown{};
    }
    ++m_pos;
    Part out;
    out.holds = target || body.holds;
    // A repeat that may run twice can hold the group in one round and a
    // left-out branch in another: written as it was.
    char q = peek();
    if (q == '*' || q == '+' || q == '{') {
      m_pruned = pruned_before;
      out.text = std::string(m_p.substr(start, m_pos - start));
      return out;
    }
    out.text =
        std::string(m_p.substr(start, body_start - start)) + body.text + ")";
    return out;
  }

  void char_class() {
    ++m_pos; // '['
    if (peek() == '^') {
      ++m_pos;
    }
    if (peek() == ']') {
      ++m_pos; // a ']' first is a member
    }
    while (peek() != ']') {
      if (m_pos >= m_p.size()) {
        throw Unknown{};
      }
      if (peek() == '[' && peek(1) == ':') {
        through(":]");
      } else if (peek() == '\\') {
        escape();
      } else {
        ++m_pos;
      }
    }
    ++m_pos;
  }

  void escape() {
    ++m_pos; // '\'
    const char c = peek();
    if (c == '\0') {
      throw Unknown{};
    }
    ++m_pos;
    if (c == 'Q') {
      if (m_p.find("\\E", m_pos) == std::string_view::npos) {
        m_pos = m_p.size(); // literal to the end
      } else {
        through("\\E");
      }
    } else if ((c == 'p' || c == 'P' || c == 'x') && peek() == '{') {
      through("}");
    }
  }

  std::string_view m_p;
  size_t m_pos = 0;
  int m_group = 0;
  int m_groups = 0; // capturing groups opened so far
  bool m_pruned = false;
  static constexpr int k_max_depth = 200; // nested groups
  int m_depth = 0;
};

} // namespace

std::optional<std::string> finding_pattern(std::string_view re2_pattern,
                                           int group) {
  if (group <= 0) {
    return std::nullopt;
  }
  try {
    return Pruner(re2_pattern, group).run();
  } catch (const Unknown&) {
    return std::nullopt;
  }
}

} // namespace veil
