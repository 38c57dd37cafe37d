#include "scanner/superset_dfa.hpp"

#include <algorithm>
#include <optional>

namespace veil {

namespace {

constexpr size_t k_max_nodes = 1 << 18;

bool word_byte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z') || c == '_';
}

struct Ast {
  enum class Kind { bytes, concat, alt, repeat, empty, assertion };
  explicit Ast(Kind k) : kind(k) {}
  Kind kind;
  std::bitset<256> set;
  std::vector<Ast> children;
  int min = 0;
  int max = 0; // -1: unbounded
  SupersetDfa::Node::Kind assertion = SupersetDfa::Node::Kind::empty;
};

struct BadPattern {};

// Reads the syntax byte_superset() writes: plain letters, digits and '_',
// \xHH, classes of those and ranges, (?:...), |, ?, *, +, {m}, {m,},
// {m,n}, \b, ^, $, (?m:^) and (?m:$).
class Parser {
public:
  explicit Parser(std::string_view text) : m_text(text) {}

  Ast parse() {
    Ast ast = alternation();
    if (m_pos != m_text.size()) {
      throw BadPattern{};
    }
    return ast;
  }

private:
  bool at(char c) const { return m_pos < m_text.size() && m_text[m_pos] == c; }
  char next() {
    if (m_pos >= m_text.size()) {
      throw BadPattern{};
    }
    return m_text[m_pos++];
  }

  Ast alternation() {
    Ast alt(Ast::Kind::alt);
    alt.children.push_back(concatenation());
    while (at('|')) {
      ++m_pos;
      alt.children.push_back(concatenation());
    }
    return alt.children.size() == 1 ? std::move(alt.children[0]) : alt;
  }

  Ast concatenation() {
    Ast cat(Ast::Kind::concat);
    while (m_pos < m_text.size() && !at('|') && !at(')')) {
      Ast item = atom();
      while (quantified(item)) {
      }
      cat.children.push_back(std::move(item));
    }
    return cat;
  }

  int number() {
    int value = 0;
    bool any = false;
    while (m_pos < m_text.size() && m_text[m_pos] >= '0' &&
           m_text[m_pos] <= '9') {
      value = std::min(value * 10 + (m_text[m_pos++] - '0'), 100000);
      any = true;
    }
    if (!any) {
      throw BadPattern{};
    }
    return value;
  }

  bool quantified(Ast& item) {
    int min = 0;
    int max = 0;
    if (at('*') || at('+') || at('?')) {
      char q = next();
      min = q == '+' ? 1 : 0;
      max = q == '?' ? 1 : -1;
    } else if (at('{')) {
      ++m_pos;
      min = number();
      max = min;
      if (at(',')) {
        ++m_pos;
        max = at('}') ? -1 : number();
      }
      if (next() != '}' || (max >= 0 && max < min)) {
        throw BadPattern{};
      }
    } else {
      return false;
    }
    if (at('?')) {
      ++m_pos; // a lazy repeat matches the same texts
    }
    Ast repeat(Ast::Kind::repeat);
    repeat.min = min;
    repeat.max = max;
    repeat.children.push_back(std::move(item));
    item = std::move(repeat);
    return true;
  }

  unsigned char hex_digit() {
    char c = next();
    if (c >= '0' && c <= '9') {
      return static_cast<unsigned char>(c - '0');
    }
    if (c >= 'a' && c <= 'f') {
      return static_cast<unsigned char>(c - 'a' + 10);
    }
    if (c >= 'A' && c <= 'F') {
      return static_cast<unsigned char>(c - 'A' + 10);
    }
    throw BadPattern{};
  }

  // One byte of a literal or class: plain, or \xHH.
  unsigned char byte() {
    char c = next();
    if (c != '\\') {
      return static_cast<unsigned char>(c);
    }
    if (next() != 'x') {
      throw BadPattern{};
    }
    unsigned char high = hex_digit();
    return static_cast<unsigned char>(high << 4 | hex_digit());
  }

  Ast byte_class() {
    Ast ast(Ast::Kind::bytes);
    bool negated = at('^');
    m_pos += negated ? 1 : 0;
    while (!at(']')) {
      unsigned char lo = byte();
      unsigned char hi = lo;
      if (at('-') && m_pos + 1 < m_text.size() && m_text[m_pos + 1] != ']') {
        ++m_pos;
        hi = byte();
      }
      for (unsigned c = lo; c <= hi; ++c) {
        ast.set.set(c);
      }
    }
    ++m_pos;
    if (negated) {
      ast.set.flip();
    }
    return ast;
  }

  Ast atom() {
    if (m_text.substr(m_pos, 3) == "(?:") {
      m_pos += 3;
      Ast inner = alternation();
      if (next() != ')') {
        throw BadPattern{};
      }
      return inner;
    }
    if (at('[')) {
      ++m_pos;
      return byte_class();
    }
    using Node = SupersetDfa::Node;
    for (auto [text, kind] : {std::pair{"(?m:^)", Node::Kind::line_start},
                              std::pair{"(?m:$)", Node::Kind::line_end},
                              std::pair{"^", Node::Kind::text_start},
                              std::pair{"$", Node::Kind::text_end},
                              std::pair{"\\b", Node::Kind::boundary}}) {
      if (m_text.substr(m_pos).starts_with(text)) {
        m_pos += std::string_view(text).size();
        Ast ast(Ast::Kind::assertion);
        ast.assertion = kind;
        return ast;
      }
    }
    char c = m_text[m_pos];
    bool plain = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                 (c >= 'A' && c <= 'Z') || c == '_' || c == '\\';
    if (!plain) {
      throw BadPattern{};
    }
    Ast ast(Ast::Kind::bytes);
    ast.set.set(byte());
    return ast;
  }

  std::string_view m_text;
  size_t m_pos = 0;
};

} // namespace

// Thompson construction, back to front: each piece is compiled with the
// node it continues to, so a repeat's copies are fresh nodes.
class SupersetCompiler {
public:
  explicit SupersetCompiler(SupersetDfa& dfa) : m_dfa(dfa) {}

  uint32_t add(SupersetDfa::Node node) {
    if (m_dfa.m_nodes.size() >= k_max_nodes) {
      throw BadPattern{};
    }
    m_dfa.m_nodes.push_back(node);
    return uint32_t(m_dfa.m_nodes.size() - 1);
  }

  uint32_t set_index(const std::bitset<256>& set) {
    auto [it, added] =
        m_set_ids.try_emplace(set, uint32_t(m_dfa.m_sets.size()));
    if (added) {
      m_dfa.m_sets.push_back(set);
    }
    return it->second;
  }

  uint32_t compile(const Ast& ast, uint32_t next) {
    using Kind = SupersetDfa::Node::Kind;
    switch (ast.kind) {
    case Ast::Kind::bytes:
      return add({Kind::bytes, next, 0, set_index(ast.set)});
    case Ast::Kind::empty:
      return next;
    case Ast::Kind::assertion:
      return add({ast.assertion, next, 0, 0});
    case Ast::Kind::concat:
      for (auto it = ast.children.rbegin(); it != ast.children.rend(); ++it) {
        next = compile(*it, next);
      }
      return next;
    case Ast::Kind::alt: {
      uint32_t start = compile(ast.children.back(), next);
      for (size_t k = ast.children.size() - 1; k-- > 0;) {
        uint32_t branch = compile(ast.children[k], next);
        start = add({Kind::split, branch, start, 0});
      }
      return start;
    }
    case Ast::Kind::repeat:
      return repeat(ast, next);
    }
    return next;
  }

private:
  // x{min,max}: min copies, then max-min optional ones, or a loop when
  // unbounded or longer than k_max_copies (a superset).
  uint32_t repeat(const Ast& ast, uint32_t next) {
    using Kind = SupersetDfa::Node::Kind;
    const Ast& body = ast.children[0];
    const int cap = SupersetDfa::k_max_copies;
    const int min = std::min(ast.min, cap);
    const bool loops = ast.max < 0 || ast.max > cap;
    if (loops) {
      uint32_t loop = add({Kind::split, 0, next, 0});
      m_dfa.m_nodes[loop].out = compile(body, loop);
      next = loop;
    } else {
      for (int k = min; k < ast.max; ++k) {
        next = add({Kind::split, compile(body, next), next, 0});
      }
    }
    for (int k = 0; k < min; ++k) {
      next = compile(body, next);
    }
    return next;
  }

  SupersetDfa& m_dfa;
  std::unordered_map<std::bitset<256>, uint32_t> m_set_ids;
};

std::unique_ptr<SupersetDfa>
SupersetDfa::build(std::span<const std::string> patterns) {
  if (patterns.empty()) {
    return nullptr;
  }
  std::unique_ptr<SupersetDfa> dfa(new SupersetDfa);
  SupersetCompiler compiler(*dfa);
  try {
    const uint32_t match = compiler.add({Node::Kind::match, 0, 0, 0});
    uint32_t start = 0;
    for (size_t k = patterns.size(); k-- > 0;) {
      uint32_t first = compiler.compile(Parser(patterns[k]).parse(), match);
      start = k + 1 == patterns.size()
                  ? first
                  : compiler.add({Node::Kind::split, first, start, 0});
    }
    dfa->m_start = start;
  } catch (const BadPattern&) {
    return nullptr;
  }
  dfa->make_classes();
  return dfa;
}

// Bytes that every byte set, the word test and the line test treat alike
// share a class.
void SupersetDfa::make_classes() {
  // Split the classes by each test in turn: a byte's new class is its old
  // one and whether the test holds for it.
  std::array<uint32_t, 256> classes{};
  size_t count = 1;
  auto split = [&](auto&& test) {
    std::vector<int> renamed(2 * count, -1);
    size_t next = 0;
    for (unsigned c = 0; c < 256; ++c) {
      int& name = renamed[2 * classes[c] + (test(c) ? 1 : 0)];
      if (name < 0) {
        name = int(next++);
      }
      classes[c] = uint32_t(name);
    }
    count = next;
  };
  split([](unsigned c) { return word_byte(static_cast<unsigned char>(c)); });
  split([](unsigned c) { return c == '\n'; });
  for (const auto& set : m_sets) {
    split([&](unsigned c) { return set[c]; });
  }
  for (unsigned c = 0; c < 256; ++c) {
    m_class[c] = uint8_t(classes[c]);
  }
  m_classes = count;
}

uint8_t SupersetDfa::after(unsigned char c) {
  return (word_byte(c) ? k_word : 0) | (c == '\n' ? k_line : 0);
}

void SupersetDfa::reset(Cache& cache) const {
  cache.table.clear();
  cache.kernels.clear();
  cache.before.clear();
  cache.closure_ids.clear();
  cache.closures.clear();
  cache.ids.clear();
  cache.visited.assign(m_nodes.size(), 0);
  cache.generation = 0;
  cache.used = 0;
  cache.is_full = false;
}

// The state for the NFA nodes a text has reached, after a byte of kind
// `before` (the unanchored start is added: a match may begin at any byte),
// or k_full.
uint32_t SupersetDfa::find_state(Cache& cache, std::vector<uint32_t>& kernel,
                                 uint8_t before) const {
  kernel.push_back(m_start);
  std::sort(kernel.begin(), kernel.end());
  kernel.erase(std::unique(kernel.begin(), kernel.end()), kernel.end());
  cache.key.assign(1, char(before));
  cache.key.append(reinterpret_cast<const char*>(kernel.data()),
                   kernel.size() * sizeof(uint32_t));
  auto found = cache.ids.find(cache.key);
  if (found != cache.ids.end()) {
    return found->second;
  }
  const size_t cost = row_width() * sizeof(uint32_t) +
                      2 * kernel.size() * sizeof(uint32_t) + k_state_bytes;
  if (cache.kernels.size() >= k_max_states || cache.used + cost > k_max_bytes) {
    cache.is_full = true;
    return k_full;
  }
  cache.used += cost;
  const auto id = uint32_t(cache.kernels.size());
  cache.ids.emplace(cache.key, id);
  cache.kernels.push_back(kernel);
  cache.before.push_back(before);
  cache.closure_ids.push_back(k_no_closures);
  cache.table.resize(cache.table.size() + row_width(), k_unknown);
  return id;
}

// What follows a state, as its assertions see it.
int SupersetDfa::next_kind(int next) {
  if (next < 0) {
    return k_next_end;
  }
  return next == '\n'                                  ? k_next_line
         : word_byte(static_cast<unsigned char>(next)) ? k_next_word
                                                       : k_next_other;
}

// The byte-set nodes the state reaches by empty moves when a byte of kind
// `kind` follows (\b, ^ and $ hold or not by it), or nullptr when it
// reaches a match. Worked out once per state and kind.
const std::vector<uint32_t>*
SupersetDfa::consumers(Cache& cache, uint32_t state, int kind) const {
  int32_t& id = cache.closure_ids[state][size_t(kind)];
  if (id == k_unknown_closure) {
    id = closure(cache, state, kind);
  }
  return id == k_match_closure ? nullptr : &cache.closures[size_t(id)];
}

int32_t SupersetDfa::closure(Cache& cache, uint32_t state, int kind) const {
  if (++cache.generation == 0) {
    std::fill(cache.visited.begin(), cache.visited.end(), 0);
    cache.generation = 1;
  }
  const uint8_t before = cache.before[state];
  const bool word_next = kind == k_next_word;
  auto holds = [&](Node::Kind assertion) {
    switch (assertion) {
    case Node::Kind::boundary:
      return ((before & k_word) != 0) != word_next;
    case Node::Kind::line_start:
      return (before & (k_line | k_start)) != 0;
    case Node::Kind::text_start:
      return (before & k_start) != 0;
    case Node::Kind::line_end:
      return kind == k_next_end || kind == k_next_line;
    case Node::Kind::text_end:
      return kind == k_next_end;
    default:
      return true;
    }
  };
  std::vector<uint32_t> found;
  cache.stack.assign(cache.kernels[state].begin(), cache.kernels[state].end());
  while (!cache.stack.empty()) {
    const uint32_t n = cache.stack.back();
    cache.stack.pop_back();
    if (cache.visited[n] == cache.generation) {
      continue;
    }
    cache.visited[n] = cache.generation;
    const Node& node = m_nodes[n];
    if (node.kind == Node::Kind::match) {
      return k_match_closure;
    }
    if (node.kind == Node::Kind::bytes) {
      found.push_back(n);
    } else if (node.kind == Node::Kind::split) {
      cache.stack.push_back(node.out1);
      cache.stack.push_back(node.out);
    } else if (holds(node.kind)) {
      cache.stack.push_back(node.out);
    }
  }
  cache.used += found.size() * sizeof(uint32_t);
  cache.closures.push_back(std::move(found));
  return int32_t(cache.closures.size() - 1);
}

// The row of the state after byte c, kept in the table; the "may match"
// row after a match, or when the cache has no room for another state.
uint32_t SupersetDfa::transition(Cache& cache, uint32_t state,
                                 unsigned char c) const {
  uint32_t next = maybe_row();
  if (const std::vector<uint32_t>* nodes =
          consumers(cache, state, next_kind(c))) {
    std::vector<uint32_t>& kernel = cache.kernel;
    kernel.clear();
    for (uint32_t n : *nodes) {
      if (m_sets[m_nodes[n].set][c]) {
        kernel.push_back(m_nodes[n].out);
      }
    }
    const uint32_t id = find_state(cache, kernel, after(c));
    if (id == k_full) {
      return maybe_row();
    }
    next = id * uint32_t(row_width());
  }
  cache.table[state * row_width() + m_class[c]] = next;
  return next;
}

bool SupersetDfa::matches_at_end(Cache& cache, uint32_t state) const {
  return consumers(cache, state, k_next_end) == nullptr;
}

// Rows: state 0 is a text's start, state 1 "may match", which every byte
// keeps (a match, or a cache with no room left, leads there).
void SupersetDfa::start(Cache& cache) const {
  if (!cache.kernels.empty() && !cache.is_full) {
    return;
  }
  reset(cache);
  std::vector<uint32_t> kernel;
  find_state(cache, kernel, k_start | k_line);
  cache.kernels.emplace_back();
  cache.before.push_back(0);
  cache.closure_ids.push_back(
      {k_match_closure, k_match_closure, k_match_closure, k_match_closure});
  cache.table.resize(2 * row_width(), maybe_row());
  cache.table[maybe_row() + m_classes] = 1;
}

// A row's last entry says whether its state matches at a text's end: 1 or
// 0, once worked out.
bool SupersetDfa::ends(Cache& cache, size_t row) const {
  uint32_t& at_end = cache.table[row + m_classes];
  if (at_end == k_unknown) {
    at_end = matches_at_end(cache, uint32_t(row / row_width())) ? 1 : 0;
  }
  return at_end != 0;
}

[[gnu::noinline]] uint32_t SupersetDfa::slow_step(Cache& cache, size_t row,
                                                  unsigned char c) const {
  return transition(cache, uint32_t(row / row_width()), c);
}

bool SupersetDfa::may_match(std::string_view text, Cache& cache) const {
  std::vector<uint8_t> out;
  may_match(std::span<const std::string_view>(&text, 1), out, cache);
  return out[0] != 0;
}

void SupersetDfa::may_match(std::span<const std::string_view> texts,
                            std::vector<uint8_t>& out, Cache& cache) const {
  start(cache);
  out.assign(texts.size(), 0);
  constexpr size_t k_side = 4;
  struct Walk {
    const unsigned char* p = nullptr;
    size_t left = 0;
    size_t row = 0;
    uint32_t text = 0;
  };
  std::array<Walk, k_side> walks;
  size_t next_text = 0;
  auto begin = [&](Walk& w) {
    if (next_text == texts.size()) {
      return false;
    }
    w.text = uint32_t(next_text++);
    w.p = reinterpret_cast<const unsigned char*>(texts[w.text].data());
    w.left = texts[w.text].size();
    w.row = 0;
    return true;
  };
  std::array<bool, k_side> active{};
  size_t walking = 0;
  for (size_t k = 0; k < k_side; ++k) {
    active[k] = begin(walks[k]);
    walking += active[k] ? 1 : 0;
  }
  const uint32_t* table = cache.table.data();
  const uint8_t* classes = m_class.data();
  auto step = [&](size_t& row, unsigned char c) {
    uint32_t next = table[row + classes[c]];
    if (next == k_unknown) [[unlikely]] {
      next = slow_step(cache, row, c);
      table = cache.table.data();
    }
    row = next;
  };
  // A text that reached "may match" stays there: its walk ends at the next
  // look, every k_look bytes (a long prompt often matches early on).
  constexpr size_t k_look = 256;
  const size_t maybe = maybe_row();
  while (walking == k_side) {
    size_t steps = k_look;
    for (const Walk& w : walks) {
      steps = std::min(steps, w.left);
    }
    // Written out: each byte's load waits for the one before in its text,
    // and four texts' loads overlap.
    size_t r0 = walks[0].row, r1 = walks[1].row, r2 = walks[2].row,
           r3 = walks[3].row;
    const unsigned char *p0 = walks[0].p, *p1 = walks[1].p, *p2 = walks[2].p,
                        *p3 = walks[3].p;
    for (size_t i = 0; i < steps; ++i) {
      step(r0, p0[i]);
      step(r1, p1[i]);
      step(r2, p2[i]);
      step(r3, p3[i]);
    }
    walks[0].row = r0, walks[1].row = r1, walks[2].row = r2, walks[3].row = r3;
    for (size_t k = 0; k < k_side; ++k) {
      Walk& w = walks[k];
      w.p += steps;
      w.left = w.row == maybe ? 0 : w.left - steps;
      if (w.left == 0) {
        out[w.text] = ends(cache, w.row);
        active[k] = begin(w);
        walking -= active[k] ? 0 : 1;
      }
    }
  }
  for (size_t k = 0; k < k_side; ++k) {
    Walk& w = walks[k];
    for (; active[k] && w.left > 0 && w.row != maybe; --w.left) {
      step(w.row, *w.p++);
    }
    if (active[k]) {
      out[w.text] = ends(cache, w.row);
    }
  }
}

} // namespace veil
