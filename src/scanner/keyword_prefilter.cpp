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

// Where a keyword is looked for: a byte that is not a letter ('@', ':')
// by a vector compare (in an automaton it would end a keyword at most bytes
// of a text, a branch the walk mispredicts); other ASCII keywords in the
// automaton every text walks; the rest only in texts with non-ASCII bytes.
enum class Home { byte, ascii, other };

Home home_of(std::string_view keyword) {
  if (!is_ascii(keyword)) {
    return Home::other;
  }
  if (keyword.size() == 1) {
    unsigned char c = fold(static_cast<unsigned char>(keyword[0]));
    return c >= 'a' && c <= 'z' ? Home::ascii : Home::byte;
  }
  return Home::ascii;
}

// Appends to hits the lists not seen yet, and marks them seen.
void add_hits(const std::vector<uint32_t>& lists, std::vector<uint8_t>& seen,
              std::vector<uint32_t>& hits) {
  for (uint32_t list : lists) {
    if (!seen[list]) {
      seen[list] = 1;
      hits.push_back(list);
    }
  }
}

// The keywords of each list that are looked for in one way.
std::vector<std::vector<std::string>>
keywords_at(const std::vector<std::vector<std::string>>& keywords, Home home) {
  std::vector<std::vector<std::string>> out(keywords.size());
  for (size_t i = 0; i < keywords.size(); ++i) {
    for (const std::string& keyword : keywords[i]) {
      if (home_of(keyword) == home) {
        out[i].push_back(keyword);
      }
    }
  }
  return out;
}

} // namespace

KeywordPrefilter::KeywordPrefilter(
    const std::vector<std::vector<std::string>>& keywords)
    : m_ascii(keywords_at(keywords, Home::ascii)),
      m_other_keywords(keywords_at(keywords, Home::other)),
      m_rule_count(keywords.size()) {
  std::vector<std::vector<std::string>> bytes =
      keywords_at(keywords, Home::byte);
  for (uint32_t list = 0; list < keywords.size(); ++list) {
    if (keywords[list].empty()) {
      m_always.push_back(list);
    }
    for (const std::string& keyword : bytes[list]) {
      add_byte_keyword(uint8_t(keyword[0]), list);
    }
  }
}

void KeywordPrefilter::add_byte_keyword(uint8_t byte, uint32_t list) {
  for (ByteKeywords& group : m_bytes) {
    for (size_t k = 0; k < group.count; ++k) {
      if (group.bytes[k] == byte) {
        group.lists[k].push_back(list);
        return;
      }
    }
  }
  if (m_bytes.empty() || m_bytes.back().count == k_group) {
    m_bytes.emplace_back();
    m_bytes.back().bytes.fill(byte); // bytes_present() takes eight
  }
  ByteKeywords& group = m_bytes.back();
  group.bytes[group.count] = byte;
  group.lists[group.count++].push_back(list);
}

KeywordPrefilter::Automaton::Automaton(
    const std::vector<std::vector<std::string>>& keywords) {
  std::array<bool, 256> used{};
  for (const auto& list : keywords) {
    for (const std::string& keyword : list) {
      m_longest = std::max(m_longest, keyword.size());
      for (char ch : keyword) {
        used[fold(static_cast<unsigned char>(ch))] = true;
      }
    }
  }
  // The bytes most of a text is made of first: the entries a walk reads
  // most are then in the first block of each row (see scan_table).
  constexpr std::string_view k_common = " etaoinshrdlcumwfgypbvkjxqz-_.:";
  for (unsigned char c : k_common) {
    if (used[c]) {
      m_class[c] = static_cast<uint8_t>(m_classes++);
      used[c] = false;
    }
  }
  for (size_t c = 0; c < used.size(); ++c) {
    if (used[c]) {
      m_class[c] = static_cast<uint8_t>(m_classes++);
    }
  }
  for (int c = 'A'; c <= 'Z'; ++c) {
    m_class[c] = m_class[c + 32];
  }
  Trie trie = build_trie(keywords);
  if (trie.first_child.size() <= output_bit<uint16_t>()) {
    m_rows16 = scan_table<uint16_t>(trie);
  } else {
    m_rows32 = scan_table<uint32_t>(trie);
  }
  for (std::vector<uint32_t>& lists : m_lists) {
    std::sort(lists.begin(), lists.end());
    lists.erase(std::unique(lists.begin(), lists.end()), lists.end());
  }
}

// The keywords' trie, its children as linked lists: a dense row per state
// while building would be twice the scan table, and every page of memory
// touched at start-up costs (a one-line run is most start-up).
KeywordPrefilter::Automaton::Trie KeywordPrefilter::Automaton::build_trie(
    const std::vector<std::vector<std::string>>& keywords) {
  Trie trie;
  auto add_state = [&] {
    trie.first_child.push_back(Trie::k_none);
    m_lists.emplace_back();
    return uint32_t(trie.first_child.size() - 1);
  };
  add_state();
  for (uint32_t list = 0; list < keywords.size(); ++list) {
    for (const std::string& keyword : keywords[list]) {
      uint32_t state = 0;
      for (char ch : keyword) {
        uint8_t c = m_class[fold(static_cast<unsigned char>(ch))];
        uint32_t edge = trie.first_child[state];
        while (edge != Trie::k_none && trie.edges[edge].cls != c) {
          edge = trie.edges[edge].sibling;
        }
        if (edge == Trie::k_none) {
          uint32_t child = add_state();
          edge = uint32_t(trie.edges.size());
          trie.edges.push_back({c, child, trie.first_child[state]});
          trie.first_child[state] = edge;
        }
        state = trie.edges[edge].target;
      }
      m_lists[state].push_back(list);
    }
  }
  return trie;
}

// Classic breadth-first construction, straight into the scan table: a
// state's row is its failure state's row (complete, as that state is
// shallower) with its own children written over it, so that the scan loop
// is a single table lookup per byte. A row holds the target state of each
// class, its top bit set when keywords end there. Rows are cut into blocks
// of k_block classes, and the table holds the first block of every row,
// then the second...: state s's entry for byte b is at s * k_block +
// m_offset[b].
template <typename Entry>
std::vector<Entry> KeywordPrefilter::Automaton::scan_table(const Trie& trie) {
  constexpr Entry k_out = output_bit<Entry>();
  const size_t states = trie.first_child.size();
  const size_t blocks = (m_classes + k_block - 1) / k_block;
  const size_t block_size = states * k_block;
  if (states >= output_bit<uint32_t>() || blocks * block_size > UINT32_MAX) {
    throw RuleError("too many keywords and terms: " + std::to_string(states) +
                    " prefilter states");
  }
  // A class's entry in row 0; a row is k_block entries on in every block.
  auto offset = [&](size_t cls) {
    return cls / k_block * block_size + cls % k_block;
  };
  for (size_t byte = 0; byte < m_offset.size(); ++byte) {
    m_offset[byte] = uint32_t(offset(m_class[byte]));
  }
  std::vector<Entry> table(blocks * block_size); // every class: the root
  auto at = [&](size_t state, size_t cls) -> Entry& {
    return table[state * k_block + offset(cls)];
  };
  if (!m_lists[0].empty()) { // an empty keyword ends at every byte
    for (size_t cls = 0; cls < m_classes; ++cls) {
      at(0, cls) = k_out;
    }
  }
  std::vector<uint32_t> fail(states, 0);
  std::queue<uint32_t> queue;
  queue.push(0);
  while (!queue.empty()) {
    uint32_t state = queue.front();
    queue.pop();
    if (state != 0) {
      for (size_t cls = 0; cls < m_classes; cls += k_block) {
        std::copy_n(&at(fail[state], cls), k_block, &at(state, cls));
      }
    }
    for (uint32_t e = trie.first_child[state]; e != Trie::k_none;
         e = trie.edges[e].sibling) {
      const Trie::Edge& edge = trie.edges[e];
      uint32_t child_fail = state == 0 ? 0 : at(fail[state], edge.cls) & ~k_out;
      fail[edge.target] = child_fail;
      const std::vector<uint32_t>& inherited = m_lists[child_fail];
      std::vector<uint32_t>& own = m_lists[edge.target];
      own.insert(own.end(), inherited.begin(), inherited.end());
      at(state, edge.cls) = Entry(edge.target | (own.empty() ? 0 : k_out));
      queue.push(edge.target);
    }
  }
  return table;
}

void KeywordPrefilter::candidates(std::string_view text,
                                  std::vector<uint8_t>& seen,
                                  std::vector<uint32_t>& hits) const {
  add_hits(m_always, seen, hits);
  matches(text, seen, hits);
}

void KeywordPrefilter::matches(std::string_view text,
                               std::vector<uint8_t>& seen,
                               std::vector<uint32_t>& hits) const {
  m_ascii.matches(text, seen, hits);
  matches_after_ascii(text, seen, hits);
}

void KeywordPrefilter::ascii_matches(std::span<const std::string_view> texts,
                                     Walks& walks, std::vector<uint8_t>& seen,
                                     std::vector<uint32_t>& hits,
                                     std::vector<uint32_t>& ends) const {
  m_ascii.matches(texts, walks, seen, hits, ends);
}

void KeywordPrefilter::matches(std::string_view text,
                               std::span<const uint32_t> ascii_hits,
                               std::vector<uint8_t>& seen,
                               std::vector<uint32_t>& hits) const {
  for (uint32_t list : ascii_hits) {
    seen[list] = 1;
  }
  hits.insert(hits.end(), ascii_hits.begin(), ascii_hits.end());
  matches_after_ascii(text, seen, hits);
}

void KeywordPrefilter::matches_after_ascii(std::string_view text,
                                           std::vector<uint8_t>& seen,
                                           std::vector<uint32_t>& hits) const {
  for (const ByteKeywords& group : m_bytes) {
    for (unsigned found = bytes_present(text, group.bytes); found != 0;
         found &= found - 1) {
      add_hits(group.lists[size_t(std::countr_zero(found))], seen, hits);
    }
  }
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

void KeywordPrefilter::Automaton::matches(
    std::span<const std::string_view> texts, Walks& walks,
    std::vector<uint8_t>& seen, std::vector<uint32_t>& hits,
    std::vector<uint32_t>& ends) const {
  walks.side_by_side.clear();
  walks.endings.clear();
  for (uint32_t i = 0; i < texts.size(); ++i) {
    if (!walks_in_parts(texts[i].size())) {
      walks.side_by_side.push_back(i);
    }
  }
  if (!m_rows16.empty()) {
    walk_side_by_side(m_rows16, texts, walks);
  } else {
    walk_side_by_side(m_rows32, texts, walks);
  }
  std::sort(walks.endings.begin(), walks.endings.end());
  ends.clear();
  auto ending = walks.endings.begin();
  for (uint32_t i = 0; i < texts.size(); ++i) {
    const size_t first = hits.size();
    if (walks_in_parts(texts[i].size())) {
      matches(texts[i], seen, hits);
    }
    for (; ending != walks.endings.end() && ending->first == i; ++ending) {
      report(ending->second, seen, hits);
    }
    for (size_t k = first; k < hits.size(); ++k) {
      seen[hits[k]] = 0;
    }
    ends.push_back(uint32_t(hits.size()));
  }
}

template <typename Entry>
void KeywordPrefilter::Automaton::walk_side_by_side(
    const std::vector<Entry>& rows, std::span<const std::string_view> texts,
    Walks& walks) const {
  constexpr Entry k_out = output_bit<Entry>();
  const Entry* table = rows.data();
  const uint32_t* offsets = m_offset.data();
  auto step = [&](size_t& row, char ch, uint32_t text) {
    Entry next = table[row + offsets[static_cast<unsigned char>(ch)]];
    size_t state = next & ~k_out;
    row = state * k_block;
    if (next & k_out) { // rare
      walks.endings.emplace_back(text, uint32_t(state));
    }
  };
  constexpr size_t k_side = 4;
  std::array<const char*, k_side> at{};
  std::array<const char*, k_side> end{};
  std::array<size_t, k_side> row{};
  std::array<uint32_t, k_side> text{};
  size_t next = 0; // in walks.side_by_side
  auto start = [&](size_t k) {
    if (next == walks.side_by_side.size()) {
      return false;
    }
    text[k] = walks.side_by_side[next++];
    at[k] = texts[text[k]].data();
    end[k] = at[k] + texts[text[k]].size();
    row[k] = 0;
    return true;
  };
  size_t walking = 0;
  for (size_t k = 0; k < k_side; ++k) {
    walking += start(k) ? 1 : 0;
  }
  while (walking == k_side) {
    size_t steps = SIZE_MAX;
    for (size_t k = 0; k < k_side; ++k) {
      steps = std::min(steps, size_t(end[k] - at[k]));
    }
    // Written out: a loop over k kept the rows in memory.
    auto [row0, row1, row2, row3] = row;
    for (size_t i = 0; i < steps; ++i) {
      step(row0, at[0][i], text[0]);
      step(row1, at[1][i], text[1]);
      step(row2, at[2][i], text[2]);
      step(row3, at[3][i], text[3]);
    }
    row = {row0, row1, row2, row3};
    for (size_t k = 0; k < k_side; ++k) {
      at[k] += steps;
      if (at[k] == end[k] && !start(k)) {
        --walking;
      }
    }
  }
  for (size_t k = 0; k < k_side; ++k) {
    for (; at[k] != end[k]; ++at[k]) {
      step(row[k], *at[k], text[k]);
    }
  }
}

// Out of the walk's loop, so that the loop keeps its few values in
// registers instead of saving them around this rare path.
[[gnu::noinline]] void
KeywordPrefilter::Automaton::report(size_t state, std::vector<uint8_t>& seen,
                                    std::vector<uint32_t>& hits) const {
  add_hits(m_lists[state], seen, hits);
}

template <typename Entry>
void KeywordPrefilter::Automaton::walk(const std::vector<Entry>& rows,
                                       std::string_view text,
                                       std::vector<uint8_t>& seen,
                                       std::vector<uint32_t>& hits) const {
  constexpr Entry k_out = output_bit<Entry>();
  // Locals: hits.push_back() writes memory, so members would be read again.
  const Entry* table = rows.data();
  const uint32_t* offsets = m_offset.data();
  auto step = [&](size_t& row, char ch) {
    Entry next = table[row + offsets[static_cast<unsigned char>(ch)]];
    size_t state = next & ~k_out;
    row = state * k_block;
    if (next & k_out) { // rare: most bytes end no keyword
      report(state, seen, hits);
    }
  };
  // Each byte's lookup waits for the one before (a chain of loads), so a
  // long text is walked in parts side by side: four, or two when shorter.
  const size_t back = m_longest - 1;
  if (!walk_in_parts<4>(text, back, step) &&
      !walk_in_parts<2>(text, back, step)) {
    size_t row = 0;
    for (char ch : text) {
      step(row, ch);
    }
  }
}

// Every part but the first starts `back` bytes (a keyword's length less
// one) before its own bytes, so a keyword across a part's start is found
// in that part. False, having walked nothing, when the parts would be
// shorter than k_min_split bytes or than `back`.
template <size_t N, typename Step>
bool KeywordPrefilter::Automaton::walk_in_parts(std::string_view text,
                                                size_t back, Step step) {
  const size_t part = text.size() / N;
  if (part < k_min_split || part <= back) {
    return false;
  }
  std::array<size_t, N> row{};
  std::array<const char*, N> from;
  for (size_t k = 0; k < N; ++k) {
    from[k] = text.data() + (k == 0 ? 0 : k * part - back);
  }
  for (size_t i = 0; i < part; ++i) {
    for (size_t k = 0; k < N; ++k) {
      step(row[k], from[k][i]);
    }
  }
  for (size_t i = part; i < part + back; ++i) {
    for (size_t k = 1; k < N; ++k) {
      step(row[k], from[k][i]);
    }
  }
  for (const char* p = from[N - 1] + part + back; p < text.end(); ++p) {
    step(row[N - 1], *p);
  }
  return true;
}

} // namespace veil
