#include "scanner/byte_superset.hpp"

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <optional>
#include <vector>

namespace veil {

namespace {

struct Untranslatable {};

struct Flags {
  bool fold = false;      // (?i)
  bool multiline = false; // (?m): ^ and $ at line breaks
  bool dotall = false;    // (?s): . matches \n
};

// A set of characters: exact for ASCII; a non-ASCII character either as
// its exact UTF-8 bytes, in a range of characters, or as "any non-ASCII
// character".
struct CharSet {
  std::bitset<128> ascii;
  std::vector<std::string> exact;
  std::vector<std::pair<uint32_t, uint32_t>> ranges; // written as any
                                                     // unless utf8_ranges
  bool any_high = false;
  bool has_high() const {
    return any_high || !exact.empty() || !ranges.empty();
  }
};

// Some bytes: these ASCII ones, and every byte 0x80-0xff when `high`.
struct ByteClass {
  std::bitset<128> ascii;
  bool high = false;
};

// A rewritten piece of pattern; `single` is set when it is one character,
// so that a repeat of it can become a plain byte-class repeat.
struct Piece {
  std::string text;
  bool single = false;
  CharSet set;
  MinCounts need; // what every match of the original holds
  // The same for the matches in which the capture group the Rewriter looks
  // for takes part; unset when this piece does not hold that group.
  std::optional<MinCounts> group_need;
  // Where digits and non-ASCII bytes lie in the original's matches.
  AnchorShapes shapes;
  // The bytes the original's matches may hold: these ASCII ones, and any
  // byte 0x80-0xff when `high_bytes`.
  std::bitset<128> ascii_bytes;
  bool high_bytes = false;
  // Bytes every match of the original holds one of at least (unset: none
  // known), and the same for the matches in which the group takes part.
  std::optional<ByteClass> must;
  std::optional<ByteClass> group_must;
  void add_bytes(const Piece& other) {
    ascii_bytes |= other.ascii_bytes;
    high_bytes = high_bytes || other.high_bytes;
  }
};

constexpr int k_max_count = 1000;

MinCounts operator+(const MinCounts& a, const MinCounts& b) {
  return {std::min(a.digits + b.digits, k_max_count),
          std::min(a.upper + b.upper, k_max_count),
          std::min(a.non_ascii + b.non_ascii, k_max_count),
          std::min(a.bytes + b.bytes, k_max_count)};
}

MinCounts operator*(const MinCounts& a, int n) {
  return {std::min(a.digits * n, k_max_count),
          std::min(a.upper * n, k_max_count),
          std::min(a.non_ascii * n, k_max_count),
          std::min(a.bytes * n, k_max_count)};
}

MinCounts fewest(const MinCounts& a, const MinCounts& b) {
  return {std::min(a.digits, b.digits), std::min(a.upper, b.upper),
          std::min(a.non_ascii, b.non_ascii), std::min(a.bytes, b.bytes)};
}

std::bitset<128> ascii_range(char lo, char hi) {
  std::bitset<128> bits;
  for (int c = lo; c <= hi; ++c) {
    bits[size_t(c)] = true;
  }
  return bits;
}

// Whole-set operations: every regex character passes through them.
const std::bitset<128> k_digit_bits = ascii_range('0', '9');
const std::bitset<128> k_upper_bits = ascii_range('A', 'Z');
const std::bitset<128> k_lower_bits = ascii_range('a', 'z');

bool ascii_within(const CharSet& set, const std::bitset<128>& range) {
  return !set.has_high() && set.ascii.any() && (set.ascii & ~range).none();
}

// What one character of the set is sure to be. (A non-ASCII character may
// match a single byte: see k_any_high.)
MinCounts counts_of(const CharSet& set) {
  return {ascii_within(set, k_digit_bits) ? 1 : 0,
          ascii_within(set, k_upper_bits) ? 1 : 0,
          set.ascii.none() && set.has_high() ? 1 : 0, 1};
}

constexpr uint32_t k_kelvin = 0x212A;   // K, folds with k
constexpr uint32_t k_long_s = 0x17F;    // long s, folds with s
constexpr uint32_t k_max_exact_run = 8; // longer non-ASCII ranges: any

// RE2 compiles 0x80-0x10FFFF to a byte automaton that may accept a lone
// continuation byte: one to four high bytes covers every reading.
const char* const k_any_high = "[\\x80-\\xff]{1,4}";

AnchorShapes shapes_of(const CharSet& set) {
  int high = set.has_high() ? 4 : 0; // UTF-8: 4 bytes at most
  auto others = [&](const std::bitset<128>& anchors) {
    return std::max((set.ascii & ~anchors).any() ? 1 : 0, high);
  };
  return {AnchorShape::character((set.ascii & k_digit_bits).any(),
                                 others(k_digit_bits)),
          AnchorShape::character(set.has_high(), set.ascii.any() ? 1 : 0),
          AnchorShape::character((set.ascii & k_upper_bits).any(),
                                 others(k_upper_bits))};
}

std::string utf8(uint32_t rune) {
  std::string out;
  if (rune < 0x80) {
    out += char(rune);
  } else if (rune < 0x800) {
    out += char(0xC0 | (rune >> 6));
    out += char(0x80 | (rune & 0x3F));
  } else if (rune < 0x10000) {
    out += char(0xE0 | (rune >> 12));
    out += char(0x80 | ((rune >> 6) & 0x3F));
    out += char(0x80 | (rune & 0x3F));
  } else {
    out += char(0xF0 | (rune >> 18));
    out += char(0x80 | ((rune >> 12) & 0x3F));
    out += char(0x80 | ((rune >> 6) & 0x3F));
    out += char(0x80 | (rune & 0x3F));
  }
  return out;
}

std::string hex_byte(unsigned char c) {
  const char* digits = "0123456789abcdef";
  return std::string("\\x") + digits[c >> 4] + digits[c & 15];
}

std::string escape_bytes(std::string_view bytes) {
  std::string out;
  for (char ch : bytes) {
    unsigned char c = static_cast<unsigned char>(ch);
    bool plain = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                 (c >= 'A' && c <= 'Z') || c == '_';
    out += plain ? std::string(1, ch) : hex_byte(c);
  }
  return out;
}

// Scripts without case: a folded literal in them stays exact (most
// non-Latin prompt-injection phrases are CJK, Arabic, Cyrillic-free...).
bool caseless_rune(uint32_t r) {
  return (r >= 0x0590 && r <= 0x06FF) || (r >= 0x0900 && r <= 0x0E7F) ||
         (r >= 0x3000 && r <= 0x9FFF) || (r >= 0xAC00 && r <= 0xD7AF) ||
         (r >= 0xF900 && r <= 0xFAFF) || (r >= 0xFF00 && r <= 0xFF20);
}

bool is_letter(uint32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Case-insensitive closure as RE2 folds: ASCII letters both ways, and the
// two non-ASCII characters that fold to ASCII ones.
void fold_close(CharSet& set) {
  constexpr size_t k_case = 'a' - 'A';
  set.ascii |= ((set.ascii & k_upper_bits) << k_case) |
               ((set.ascii & k_lower_bits) >> k_case);
  if (set.ascii['k']) {
    set.exact.push_back(utf8(k_kelvin));
  }
  if (set.ascii['s']) {
    set.exact.push_back(utf8(k_long_s));
  }
}

void add_range(CharSet& set, uint32_t lo, uint32_t hi, bool fold) {
  for (uint32_t c = lo; c <= hi && c < 128; ++c) {
    set.ascii[c] = true;
  }
  if (hi < 128) {
    return;
  }
  uint32_t from = std::max<uint32_t>(lo, 128);
  if (fold && from <= k_kelvin && k_kelvin <= hi) {
    set.ascii['k'] = set.ascii['K'] = true;
  }
  if (fold && from <= k_long_s && k_long_s <= hi) {
    set.ascii['s'] = set.ascii['S'] = true;
  }
  if (hi - from >= k_max_exact_run) {
    if (fold) {
      set.any_high = true;
    } else {
      set.ranges.emplace_back(from, hi);
    }
    return;
  }
  for (uint32_t r = from; r <= hi; ++r) {
    if (fold && !caseless_rune(r)) {
      set.any_high = true;
      return;
    }
  }
  for (uint32_t r = from; r <= hi; ++r) {
    set.exact.push_back(utf8(r));
  }
}

void negate(CharSet& set) {
  set.ascii.flip();
  set.exact.clear();
  set.ranges.clear();
  set.any_high = true;
}

CharSet perl_class(char name) {
  CharSet set;
  switch (name | 0x20) {
  case 'd':
    add_range(set, '0', '9', false);
    break;
  case 'w':
    add_range(set, '0', '9', false);
    add_range(set, 'a', 'z', false);
    add_range(set, 'A', 'Z', false);
    set.ascii['_'] = true;
    break;
  default: // 's': RE2's \s is [\t\n\f\r ]
    for (char c : {'\t', '\n', '\f', '\r', ' '}) {
      set.ascii[static_cast<unsigned char>(c)] = true;
    }
  }
  if (name >= 'A' && name <= 'Z') {
    negate(set);
  }
  return set;
}

CharSet everything() {
  CharSet set;
  set.ascii.set();
  set.any_high = true;
  return set;
}

std::string class_text(const std::bitset<128>& ascii, bool high) {
  std::string out = "[";
  for (uint32_t c = 0; c < 128; ++c) {
    if (!ascii[c]) {
      continue;
    }
    uint32_t end = c;
    while (end + 1 < 128 && ascii[end + 1]) {
      ++end;
    }
    out += hex_byte(static_cast<unsigned char>(c));
    if (end > c) {
      out += "-" + hex_byte(static_cast<unsigned char>(end));
    }
    c = end;
  }
  return out + (high ? "\\x80-\\xff]" : "]");
}

std::string byte_range_text(unsigned char lo, unsigned char hi) {
  return lo == hi ? hex_byte(lo)
                  : "[" + hex_byte(lo) + "-" + hex_byte(hi) + "]";
}

// The UTF-8 encodings of the characters lo..hi (0x80 and up) as sequences
// of byte ranges: the range is cut where the encoded length changes, then
// where a continuation byte would not run over all of 0x80-0xBF, as RE2
// compiles a class.
void utf8_range_texts(uint32_t lo, uint32_t hi, std::vector<std::string>& out) {
  std::vector<std::pair<uint32_t, uint32_t>> todo{{lo, hi}};
  while (!todo.empty()) {
    auto [a, b] = todo.back();
    todo.pop_back();
    bool split = false;
    for (uint32_t last : {0x7FFu, 0xFFFFu}) {
      if (!split && a <= last && last < b) {
        todo.push_back({last + 1, b});
        todo.push_back({a, last});
        split = true;
      }
    }
    for (int i = 1; !split && i < 4; ++i) {
      const uint32_t mask = (uint32_t(1) << (6 * i)) - 1;
      if ((a & ~mask) == (b & ~mask)) {
        continue;
      }
      if ((a & mask) != 0) {
        todo.push_back({(a | mask) + 1, b});
        todo.push_back({a, a | mask});
        split = true;
      } else if ((b & mask) != mask) {
        todo.push_back({b & ~mask, b});
        todo.push_back({a, (b & ~mask) - 1});
        split = true;
      }
    }
    if (split) {
      continue;
    }
    const std::string from = utf8(a);
    const std::string to = utf8(b);
    std::string text;
    for (size_t k = 0; k < from.size(); ++k) {
      text += byte_range_text(static_cast<unsigned char>(from[k]),
                              static_cast<unsigned char>(to[k]));
    }
    out.push_back(std::move(text));
  }
}

std::string set_text(const CharSet& set, const SupersetForm& form) {
  std::vector<std::string> parts;
  if (set.ascii.count() == 1) {
    for (uint32_t c = 0; c < 128; ++c) {
      if (set.ascii[c]) {
        parts.push_back(escape_bytes(std::string(1, char(c))));
      }
    }
  } else if (set.ascii.any()) {
    parts.push_back(class_text(set.ascii, false));
  }
  if (set.any_high || (!form.utf8_ranges && !set.ranges.empty())) {
    parts.push_back(k_any_high);
  } else {
    for (const std::string& bytes : set.exact) {
      parts.push_back(escape_bytes(bytes));
    }
    for (auto [lo, hi] : set.ranges) {
      utf8_range_texts(lo, hi, parts);
    }
  }
  if (parts.empty()) {
    throw Untranslatable{};
  }
  if (parts.size() == 1) {
    return parts[0];
  }
  std::string out = "(?:";
  for (size_t i = 0; i < parts.size(); ++i) {
    out += (i ? "|" : "") + parts[i];
  }
  return out + ")";
}

// How often bytes of a class turn up in text, roughly: white space and
// lowercase letters are everywhere, most other bytes are rare.
size_t commonness(const ByteClass& set) {
  static const std::bitset<128> space = ascii_range(' ', ' ');
  return 20 * (set.ascii & space).count() +
         5 * (set.ascii & k_lower_bits).count() +
         (set.ascii & ~(space | k_lower_bits)).count() + (set.high ? 128 : 0);
}

// Either class will do; the rarer is the better filter.
std::optional<ByteClass> rarer(const std::optional<ByteClass>& a,
                               const std::optional<ByteClass>& b) {
  if (!a || !b) {
    return a ? a : b;
  }
  return commonness(*a) <= commonness(*b) ? a : b;
}

std::optional<ByteClass> either(const std::optional<ByteClass>& a,
                                const std::optional<ByteClass>& b) {
  if (!a || !b) {
    return std::nullopt;
  }
  return ByteClass{a->ascii | b->ascii, a->high || b->high};
}

ByteSet bytes_of(const std::bitset<128>& ascii, bool high) {
  ByteSet bytes;
  for (size_t c = 0; c < 256; ++c) {
    bytes[c] = c < 128 ? ascii[c] : high;
  }
  return bytes;
}

std::optional<ByteSet> must_bytes(const std::optional<ByteClass>& must) {
  if (!must) {
    return std::nullopt;
  }
  return bytes_of(must->ascii, must->high);
}

// An anchor or word boundary: text, no characters.
Piece text_piece(std::string text) {
  Piece piece;
  piece.text = std::move(text);
  return piece;
}

// Without `text` (only counts and shapes wanted) a piece's text is a
// placeholder that is empty exactly when the real one would be.
constexpr const char* k_placeholder = "x";

// form: the rewritten text's form, or nullptr for a placeholder.
Piece single(CharSet set, const Flags& flags, const SupersetForm* form) {
  if (flags.fold) {
    fold_close(set);
  }
  Piece piece;
  piece.text = form != nullptr ? set_text(set, *form) : k_placeholder;
  piece.single = true;
  piece.need = counts_of(set);
  piece.shapes = shapes_of(set);
  piece.ascii_bytes = set.ascii;
  piece.high_bytes = set.has_high();
  piece.must = ByteClass{piece.ascii_bytes, piece.high_bytes};
  piece.set = std::move(set);
  return piece;
}

std::string quantifier(int min, int max) {
  if (max < 0) {
    return min == 0 ? "*" : min == 1 ? "+" : "{" + std::to_string(min) + ",}";
  }
  if (min == max) {
    return min == 1 ? "" : "{" + std::to_string(min) + "}";
  }
  if (min == 0 && max == 1) {
    return "?";
  }
  return "{" + std::to_string(min) + "," + std::to_string(max) + "}";
}

// x{min,max} is inside x{min',} for min' <= min: bounds are loosened, never
// tightened. A class with non-ASCII members repeats as bytes: n characters
// of 1-4 bytes each are at least n bytes of the class plus 0x80-0xff.
Piece repeat(const Piece& body, int min, int max, const SupersetForm& form) {
  MinCounts need = body.need * min;
  AnchorShapes shapes = body.shapes.repeated(min, max);
  std::optional<MinCounts> group_need;
  if (body.group_need) {
    // The group takes part in one repetition at least.
    group_need = *body.group_need + body.need * (std::max(min, 1) - 1);
  }
  min = std::min(min, form.max_bound);
  if (max > form.max_bound) {
    max = -1;
  }
  Piece out;
  if (body.text.empty() || max == 0) {
    return out;
  }
  out.add_bytes(body);
  out.must = min > 0 ? body.must : std::nullopt;
  out.group_must = body.group_must;
  if (body.single && !body.set.has_high()) {
    out.text = body.text + quantifier(min, max);
  } else if (body.single && !(form.utf8_ranges && !body.set.any_high)) {
    out.text = class_text(body.set.ascii, true) + quantifier(min, -1);
  } else {
    out.text = "(?:" + body.text + ")" + quantifier(min, max);
  }
  out.need = need;
  out.group_need = group_need;
  out.shapes = shapes;
  return out;
}

class Rewriter {
public:
  // group: the capture group Piece::group_need is about.
  // text: build the rewritten pattern, not only counts and shapes.
  Rewriter(std::string_view pattern, int group, bool text,
           SupersetForm form = {})
      : m_p(pattern), m_group(group), m_text(text), m_form(form) {}

  Piece run() {
    Flags flags;
    Piece out = alternation(flags);
    if (m_pos != m_p.size()) {
      throw Untranslatable{};
    }
    return out;
  }

private:
  bool at_end() const { return m_pos >= m_p.size(); }
  char peek(size_t ahead = 0) const {
    return m_pos + ahead < m_p.size() ? m_p[m_pos + ahead] : '\0';
  }
  char next() {
    if (at_end()) {
      throw Untranslatable{};
    }
    return m_p[m_pos++];
  }
  void expect(char c) {
    if (next() != c) {
      throw Untranslatable{};
    }
  }

  // (?i) inside a group changes `flags` for the rest of that group.
  Piece alternation(Flags& flags) {
    std::vector<std::string> branches;
    bool empty_branch = false;
    std::optional<MinCounts> need;
    std::optional<MinCounts> group_need;
    std::optional<AnchorShapes> shapes; // either of the branches'
    Piece out;
    bool first = true;
    bool first_with_group = true;

    while (true) {
      Piece branch = concat(flags);
      out.must = first ? branch.must : either(out.must, branch.must);
      first = false;
      if (branch.group_need) {
        out.group_must = first_with_group
                             ? branch.group_must
                             : either(out.group_must, branch.group_must);
        first_with_group = false;
      }
      need = need ? fewest(*need, branch.need) : branch.need;
      out.add_bytes(branch);
      if (shapes) {
        shapes = shapes->either(branch.shapes);
      } else {
        shapes = branch.shapes;
      }
      if (branch.group_need) {
        group_need = group_need ? fewest(*group_need, *branch.group_need)
                                : *branch.group_need;
      }
      if (branch.text.empty()) {
        empty_branch = true;
      } else {
        branches.push_back(std::move(branch.text));
      }
      if (peek() != '|' || at_end()) {
        break;
      }
      ++m_pos;
    }
    out.need = *need;
    out.group_need = group_need;
    out.shapes = *shapes;
    if (branches.empty()) {
      return out;
    }
    if (!m_text) {
      out.text = k_placeholder;
      return out;
    }
    for (size_t i = 0; i < branches.size(); ++i) {
      out.text += (i ? "|" : "") + branches[i];
    }
    if (branches.size() > 1 || empty_branch) {
      out.text = "(?:" + out.text + ")";
    }
    if (empty_branch) {
      out.text += "?";
    }
    return out;
  }

  Piece concat(Flags& flags) {
    Piece out;
    // The pieces around the one holding the group, and that one's
    // group_need: a group occurs once in a pattern.
    MinCounts others;
    std::optional<MinCounts> group_need;
    std::optional<ByteClass> group_must;
    while (!at_end() && peek() != '|' && peek() != ')') {
      Piece piece = atom(flags);
      while (quantified(piece)) {
      }
      append_text(out.text, piece.text);
      out.need = out.need + piece.need;
      out.shapes = out.shapes.then(piece.shapes);
      out.add_bytes(piece);
      out.must = rarer(out.must, piece.must);
      if (piece.group_need) {
        group_need = piece.group_need;
        group_must = piece.group_must;
      } else {
        others = others + piece.need;
      }
    }
    if (group_need) {
      out.group_need = *group_need + others;
      out.group_must = rarer(group_must, out.must);
    }
    return out;
  }

  void append_text(std::string& out, const std::string& piece) const {
    out += piece;
    if (!m_text && out.size() > 1) {
      out.resize(1); // still a placeholder, not empty
    }
  }

  bool quantified(Piece& piece) {
    int min = 0;
    int max = -1;
    char c = peek();
    if (c == '*' || c == '+' || c == '?') {
      ++m_pos;
      min = c == '+' ? 1 : 0;
      max = c == '?' ? 1 : -1;
    } else if (c != '{' || !counted(min, max)) {
      return false;
    }
    if (peek() == '?') {
      ++m_pos; // non-greedy: same language
    }
    piece = repeat(piece, min, max, m_form);
    return true;
  }

  // {n}, {n,}, {n,m}; anything else leaves m_pos alone ({ is a literal).
  bool counted(int& min, int& max) {
    size_t save = m_pos++;
    auto number = [this](int& value) {
      size_t start = m_pos;
      value = 0;
      while (peek() >= '0' && peek() <= '9' && m_pos - start < 5) {
        value = value * 10 + (next() - '0');
      }
      return m_pos > start;
    };
    bool ok = number(min);
    max = min;
    if (ok && peek() == ',') {
      ++m_pos;
      max = -1;
      if (peek() != '}') {
        ok = number(max);
      }
    }
    if (ok && peek() == '}') {
      ++m_pos;
      return true;
    }
    m_pos = save;
    return false;
  }

  uint32_t rune() {
    unsigned char c = static_cast<unsigned char>(next());
    if (c < 0x80) {
      return c;
    }
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
    if (extra < 0) {
      throw Untranslatable{};
    }
    uint32_t r = c & (0x3F >> extra);
    for (int i = 0; i < extra; ++i) {
      r = (r << 6) | (static_cast<unsigned char>(next()) & 0x3F);
    }
    return r;
  }

  Piece literal(uint32_t r, const Flags& flags) {
    CharSet set;
    if (r < 128 || !flags.fold) {
      add_range(set, r, r, false);
    } else {
      add_range(set, r, r, true);
    }
    return single(std::move(set), flags, text_form());
  }

  Piece atom(Flags& flags) {
    char c = peek();
    switch (c) {
    case '(':
      ++m_pos;
      return group(flags);
    case '[':
      ++m_pos;
      return single(char_class(flags), Flags{}, text_form());
    case '.': {
      ++m_pos;
      CharSet set = everything();
      set.ascii['\n'] = flags.dotall;
      return single(std::move(set), Flags{}, text_form());
    }
    case '^':
      ++m_pos;
      return text_piece(!flags.multiline      ? "^"
                        : m_form.line_anchors ? "(?m:^)"
                                              : "");
    case '$':
      ++m_pos;
      return text_piece(!flags.multiline      ? "$"
                        : m_form.line_anchors ? "(?m:$)"
                                              : "");
    case '\\':
      ++m_pos;
      return escape(flags);
    case '*':
    case '+':
    case '?':
      throw Untranslatable{};
    default:
      return literal(rune(), flags);
    }
  }

  Piece group(Flags& flags) {
    Flags inner = flags;
    bool capturing = peek() != '?';
    if (peek() == '?') {
      ++m_pos;
      if (peek() == 'P' || peek() == '<') {
        skip_name();
        capturing = true;
      } else if (!set_flags(inner)) {
        flags = inner; // (?i): rest of the enclosing group
        return Piece{};
      }
    }
    // RE2 numbers groups by their opening parenthesis.
    int number = capturing ? ++m_groups_seen : 0;
    if (++m_depth > k_max_depth) {
      throw Untranslatable{}; // deeper than any rule; the stack is finite
    }
    Piece body = alternation(inner);
    --m_depth;
    expect(')');
    if (number != 0 && number == m_group) {
      body.group_need = body.need;
      body.group_must = body.must;
    }
    if (m_text && !body.text.empty()) {
      body.text = "(?:" + body.text + ")";
    }
    body.single = false;
    return body;
  }

  void skip_name() {
    if (peek() == 'P') {
      ++m_pos;
    }
    expect('<');
    while (next() != '>') {
    }
  }

  // Parses "flags)" or "flags:"; returns true for a group with a body.
  bool set_flags(Flags& flags) {
    bool on = true;
    while (true) {
      char c = next();
      switch (c) {
      case 'i':
        flags.fold = on;
        break;
      case 'm':
        flags.multiline = on;
        break;
      case 's':
        flags.dotall = on;
        break;
      case 'U':
        break; // ungreedy: same language
      case '-':
        on = false;
        break;
      case ':':
        return true;
      case ')':
        return false;
      default:
        throw Untranslatable{};
      }
    }
  }

  uint32_t hex_rune() {
    auto digit = [this]() {
      char c = next();
      if (c >= '0' && c <= '9') {
        return uint32_t(c - '0');
      }
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
        return uint32_t((c | 0x20) - 'a' + 10);
      }
      throw Untranslatable{};
    };
    if (peek() != '{') {
      uint32_t high = digit();
      return high * 16 + digit();
    }
    ++m_pos;
    uint32_t r = 0;
    while (peek() != '}') {
      r = r * 16 + digit();
      if (r > 0x10FFFF) {
        throw Untranslatable{};
      }
    }
    ++m_pos;
    return r;
  }

  // A single character escape (\n, \x41, \.); false for class escapes.
  bool char_escape(char c, uint32_t& r) {
    switch (c) {
    case 'n':
      r = '\n';
      return true;
    case 't':
      r = '\t';
      return true;
    case 'r':
      r = '\r';
      return true;
    case 'f':
      r = '\f';
      return true;
    case 'v':
      r = '\v';
      return true;
    case 'a':
      r = '\a';
      return true;
    case 'x':
      r = hex_rune();
      return true;
    default:
      break;
    }
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 128 && !is_letter(u) && !(u >= '0' && u <= '9')) {
      r = u; // escaped punctuation
      return true;
    }
    return false;
  }

  // \p{Name} or \pN after the p (or P, negated): the property's ASCII
  // members exactly, and any non-ASCII character; a property this parser
  // does not know is every character.
  CharSet property(bool negated) {
    std::string name;
    if (peek() == '{') {
      ++m_pos;
      while (peek() != '}') {
        name += next();
      }
      ++m_pos;
    } else {
      name = next();
    }
    CharSet set;
    set.any_high = true;
    if (name == "L" || name == "Latin") {
      set.ascii = k_upper_bits | k_lower_bits;
    } else if (name == "Lu") {
      set.ascii = k_upper_bits;
    } else if (name == "Ll") {
      set.ascii = k_lower_bits;
    } else if (name == "N" || name == "Nd") {
      set.ascii = k_digit_bits;
    } else if (name != "Han" && name != "Greek" && name != "Cyrillic" &&
               name != "Hiragana" && name != "Katakana") {
      return everything();
    }
    if (negated) {
      set.ascii.flip(); // every non-ASCII character stays possible
    }
    return set;
  }

  Piece escape(const Flags& flags) {
    char c = next();
    switch (c) {
    case 'd':
    case 'D':
    case 'w':
    case 'W':
    case 's':
    case 'S':
      return single(perl_class(c), flags, text_form());
    case 'p':
    case 'P':
      return single(property(c == 'P'), flags, text_form());
    case 'b':
      return text_piece("\\b");
    case 'B':
      return Piece{};
    case 'z':
      return text_piece("$");
    case 'A':
      return text_piece("^");
    case 'Q':
      return quoted(flags);
    default:
      break;
    }
    uint32_t r = 0;
    if (!char_escape(c, r)) {
      throw Untranslatable{};
    }
    return literal(r, flags);
  }

  Piece quoted(const Flags& flags) {
    Piece out;
    while (!at_end() && !(peek() == '\\' && peek(1) == 'E')) {
      Piece one = literal(rune(), flags);
      append_text(out.text, one.text);
      out.need = out.need + one.need;
      out.shapes = out.shapes.then(one.shapes);
      out.add_bytes(one);
      out.must = rarer(out.must, one.must);
    }
    if (!at_end()) {
      m_pos += 2;
    }
    return out;
  }

  CharSet char_class(const Flags& flags) {
    CharSet set;
    bool negated = peek() == '^';
    if (negated) {
      ++m_pos;
    }
    bool first = true;
    while (first || peek() != ']') {
      first = false;
      class_item(set, flags);
    }
    ++m_pos;
    if (flags.fold) {
      fold_close(set);
    }
    if (negated) {
      negate(set);
    }
    return set;
  }

  void class_item(CharSet& set, const Flags& flags) {
    if (peek() == '[' && peek(1) == ':') {
      posix_class(set);
      return;
    }
    uint32_t lo = 0;
    if (!class_char(set, lo)) {
      return; // a class escape such as \d, already added
    }
    uint32_t hi = lo;
    if (peek() == '-' && peek(1) != ']') {
      ++m_pos;
      if (!class_char(set, hi) || hi < lo) {
        throw Untranslatable{};
      }
    }
    add_range(set, lo, hi, flags.fold);
  }

  // One character of a class into r; false when it was a class escape
  // (\d, \pL...) that was added to `set` directly.
  bool class_char(CharSet& set, uint32_t& r) {
    if (peek() != '\\') {
      r = rune();
      return true;
    }
    ++m_pos;
    char c = next();
    switch (c) {
    case 'd':
    case 'D':
    case 'w':
    case 'W':
    case 's':
    case 'S': {
      CharSet perl = perl_class(c);
      set.ascii |= perl.ascii;
      set.any_high = set.any_high || perl.any_high;
      return false;
    }
    case 'p':
    case 'P': {
      CharSet prop = property(c == 'P');
      set.ascii |= prop.ascii;
      set.any_high = set.any_high || prop.any_high;
      return false;
    }
    default:
      break;
    }
    if (!char_escape(c, r)) {
      throw Untranslatable{};
    }
    return true;
  }

  void posix_class(CharSet& set) {
    m_pos += 2;
    bool negated = peek() == '^';
    if (negated) {
      ++m_pos;
    }
    size_t end = m_p.find(":]", m_pos);
    if (end == std::string_view::npos) {
      throw Untranslatable{};
    }
    std::string_view name = m_p.substr(m_pos, end - m_pos);
    m_pos = end + 2;
    CharSet part;
    if (name == "alpha" || name == "alnum" || name == "upper" ||
        name == "word" || name == "xdigit") {
      add_range(part, 'A', 'Z', false);
    }
    if (name == "alpha" || name == "alnum" || name == "lower" ||
        name == "word" || name == "xdigit") {
      add_range(part, 'a', 'z', false);
    }
    if (name == "digit" || name == "alnum" || name == "word" ||
        name == "xdigit") {
      add_range(part, '0', '9', false);
    }
    if (name == "word") {
      part.ascii['_'] = true;
    }
    if (name == "space") {
      add_range(part, '\t', '\r', false);
      part.ascii[' '] = true;
    }
    if (name == "blank") {
      part.ascii['\t'] = part.ascii[' '] = true;
    }
    if (name == "punct" || name == "graph" || name == "print" ||
        name == "cntrl" || name == "ascii") {
      add_range(part, 0, 127, false); // wider than asked: still a superset
    }
    if (part.ascii.none()) {
      throw Untranslatable{};
    }
    if (negated) {
      negate(part);
    }
    set.ascii |= part.ascii;
    set.any_high = set.any_high || part.any_high;
  }

  std::string_view m_p;
  size_t m_pos = 0;
  int m_group = 0;
  bool m_text = false;
  SupersetForm m_form;
  const SupersetForm* text_form() const { return m_text ? &m_form : nullptr; }
  int m_groups_seen = 0;
  static constexpr int k_max_depth = 200; // nested groups
  int m_depth = 0;
};

} // namespace

std::optional<std::string> byte_superset(std::string_view re2_pattern,
                                         const SupersetForm& form) {
  try {
    return Rewriter(re2_pattern, 0, true, form).run().text;
  } catch (const Untranslatable&) {
    return std::nullopt;
  }
}

MinCounts min_counts(std::string_view re2_pattern, int group) {
  std::optional<RegexShape> shape = regex_shape(re2_pattern, group);
  return shape ? shape->group_need : MinCounts{};
}

std::optional<RegexShape> regex_shape(std::string_view re2_pattern, int group) {
  try {
    Piece whole = Rewriter(re2_pattern, group, false).run();
    const bool grouped = group != 0 && whole.group_need;
    return RegexShape{whole.shapes, whole.need,
                      grouped ? *whole.group_need : whole.need,
                      bytes_of(whole.ascii_bytes, whole.high_bytes),
                      must_bytes(grouped ? whole.group_must : whole.must)};
  } catch (const Untranslatable&) {
    return std::nullopt;
  }
}

std::string literal_pattern(std::string_view bytes) {
  return escape_bytes(bytes);
}

std::string latin1_re2_pattern(std::string_view superset) {
  return "(?:^|)" + std::string(superset);
}

} // namespace veil
