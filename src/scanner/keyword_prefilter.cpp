#include "scanner/keyword_prefilter.hpp"

#include "core/errors.hpp"
#include "scanner/ascii.hpp"

#include <algorithm>
#include <bit>
#include <queue>

namespace veil {

namespace {

unsigned char fold(unsigned char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + 32) : c;
}

// The keywords of each list that are (or are not) all ASCII.
std::vector<std::vector<std::string>>
split(const std::vector<std::vector<std::string>>& keywords, bool ascii) {
  std::vector<std::vector<std::string>> out(keywords.size());
  for (size_t i = 0; i < keywords.size(); ++i) {
    for (const std::string& keyword : keywords[i]) {
      if (is_ascii(keyword) == ascii) {
        out[i].push_back(keyword);
      }
    }
  }
  return out;
}

} // namespace

KeywordPrefilter::KeywordPrefilter(
    const std::vector<std::vector<std::string>>& keywords)
    : m_ascii(split(keywords, true)), m_other_keywords(split(keywords, false)),
      m_rule_count(keywords.size()) {
  for (uint32_t list = 0; list < keywords.size(); ++list) {
    if (keywords[list].empty()) {
      m_always.push_back(list);
    }
  }
}

KeywordPrefilter::Automaton::Automaton(
    const std::vector<std::vector<std::string>>& keywords) {
  for (const auto& list : keywords) {
    for (const std::string& keyword : list) {
      for (char ch : keyword) {
        unsigned char c = fold(static_cast<unsigned char>(ch));
        if (m_class[c] == 0) {
          m_class[c] = static_cast<uint8_t>(m_classes++);
        }
      }
    }
  }
  for (int c = 'A'; c <= 'Z'; ++c) {
    m_class[c] = m_class[c + 32];
  }
  size_t bytes = 0;
  for (const auto& list : keywords) {
    for (const std::string& keyword : list) {
      bytes += keyword.size();
      m_longest = std::max(m_longest, keyword.size());
    }
  }
  // At most one state per keyword byte: no reallocation while adding.
  m_next.reserve((bytes + 1) * m_classes);
  m_fail.reserve(bytes + 1);
  m_lists.reserve(bytes + 1);
  add_state();
  for (uint32_t list = 0; list < keywords.size(); ++list) {
    for (const std::string& keyword : keywords[list]) {
      add_keyword(keyword, list);
    }
  }
  build_links();
}

uint32_t KeywordPrefilter::Automaton::add_state() {
  m_next.resize(m_next.size() + m_classes, k_missing);
  m_fail.push_back(0);
  m_lists.emplace_back();
  return static_cast<uint32_t>(m_fail.size() - 1);
}

void KeywordPrefilter::Automaton::add_keyword(const std::string& keyword,
                                              uint32_t list) {
  uint32_t state = 0;
  for (char ch : keyword) {
    unsigned char c = fold(static_cast<unsigned char>(ch));
    if (next(state, c) == k_missing) {
      uint32_t added = add_state();
      next(state, c) = added;
    }
    state = next(state, c);
  }
  m_lists[state].push_back(list);
}

// Classic breadth-first construction; missing transitions are filled in so
// that the scan loop is a single table lookup per byte.
void KeywordPrefilter::Automaton::build_links() {
  std::queue<uint32_t> queue;
  for (size_t k = 0; k < m_classes; ++k) {
    uint32_t& next = m_next[k];
    if (next == k_missing) {
      next = 0;
    } else {
      m_fail[next] = 0;
      queue.push(next);
    }
  }
  while (!queue.empty()) {
    uint32_t state = queue.front();
    queue.pop();
    const std::vector<uint32_t>& inherited = m_lists[m_fail[state]];
    m_lists[state].insert(m_lists[state].end(), inherited.begin(),
                          inherited.end());
    for (size_t k = 0; k < m_classes; ++k) {
      uint32_t& next = m_next[size_t(state) * m_classes + k];
      uint32_t via_fail = m_next[size_t(m_fail[state]) * m_classes + k];
      if (next == k_missing) {
        next = via_fail;
      } else {
        m_fail[next] = via_fail;
        queue.push(next);
      }
    }
  }
  for (std::vector<uint32_t>& rules : m_lists) {
    std::sort(rules.begin(), rules.end());
    rules.erase(std::unique(rules.begin(), rules.end()), rules.end());
  }
  m_shift = std::bit_width(m_classes - 1);
  if ((m_fail.size() << m_shift) >= output_bit<uint32_t>()) {
    throw RuleError("too many keywords and terms: " +
                    std::to_string(m_fail.size()) + " prefilter states");
  }
  if (m_fail.size() <= output_bit<uint16_t>()) {
    m_rows16 = scan_table<uint16_t>();
  } else {
    m_rows32 = scan_table<uint32_t>();
  }
  m_next = {};
  m_fail = {};
}

template <typename Entry>
std::vector<Entry> KeywordPrefilter::Automaton::scan_table() const {
  std::vector<Entry> rows(m_fail.size() << m_shift);
  for (size_t state = 0; state < m_fail.size(); ++state) {
    for (size_t k = 0; k < m_classes; ++k) {
      uint32_t target = m_next[state * m_classes + k];
      rows[(state << m_shift) + k] = static_cast<Entry>(
          target | (m_lists[target].empty() ? 0 : output_bit<Entry>()));
    }
  }
  return rows;
}

void KeywordPrefilter::candidates(std::string_view text,
                                  std::vector<uint8_t>& seen,
                                  std::vector<uint32_t>& hits) const {
  for (uint32_t list : m_always) {
    if (!seen[list]) {
      seen[list] = 1;
      hits.push_back(list);
    }
  }
  matches(text, seen, hits);
}

void KeywordPrefilter::matches(std::string_view text,
                               std::vector<uint8_t>& seen,
                               std::vector<uint32_t>& hits) const {
  m_ascii.matches(text, seen, hits);
  if (!is_ascii(text)) {
    m_other_built.call(
        [this] { m_other = std::make_unique<Automaton>(m_other_keywords); });
    m_other->matches(text, seen, hits);
  }
}

void KeywordPrefilter::Automaton::matches(std::string_view text,
                                          std::vector<uint8_t>& seen,
                                          std::vector<uint32_t>& hits) const {
  if (!m_rows16.empty()) {
    walk(m_rows16, text, seen, hits);
  } else {
    walk(m_rows32, text, seen, hits);
  }
}

template <typename Entry>
void KeywordPrefilter::Automaton::walk(const std::vector<Entry>& rows,
                                       std::string_view text,
                                       std::vector<uint8_t>& seen,
                                       std::vector<uint32_t>& hits) const {
  constexpr Entry k_out = output_bit<Entry>();
  // Locals: hits.push_back() writes memory, so members would be read again.
  const Entry* table = rows.data();
  const uint8_t* classes = m_class.data();
  const size_t shift = m_shift;
  auto step = [&](size_t& row, char ch) {
    Entry next = table[row + classes[static_cast<unsigned char>(ch)]];
    size_t state = next & ~k_out;
    row = state << shift;
    if (next & k_out) { // rare: most bytes end no keyword
      for (uint32_t list : m_lists[state]) {
        if (!seen[list]) {
          seen[list] = 1;
          hits.push_back(list);
        }
      }
    }
  };
  // Each byte's lookup waits for the one before (a chain of loads), so a
  // long text is walked as two halves side by side. The second half starts
  // a keyword's length early: a keyword across the middle is found there.
  size_t half = text.size() / 2;
  if (half < k_min_split) {
    size_t row = 0;
    for (char ch : text) {
      step(row, ch);
    }
    return;
  }
  size_t second = half - std::min(half, m_longest - 1);
  size_t a = 0;
  size_t b = 0;
  for (size_t i = 0; i < half; ++i) {
    step(a, text[i]);
    step(b, text[second + i]);
  }
  for (size_t i = second + half; i < text.size(); ++i) {
    step(b, text[i]);
  }
}

} // namespace veil
