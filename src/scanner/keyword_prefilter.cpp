#include "scanner/keyword_prefilter.hpp"

#include <algorithm>
#include <queue>

namespace veil {

namespace {

unsigned char fold(unsigned char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + 32) : c;
}

} // namespace

KeywordPrefilter::KeywordPrefilter(
    const std::vector<std::vector<std::string>>& keywords)
    : m_rule_count(keywords.size()) {
  m_states.emplace_back();
  std::fill(std::begin(m_states[0].next), std::end(m_states[0].next), -1);
  for (uint32_t rule = 0; rule < keywords.size(); ++rule) {
    if (keywords[rule].empty()) {
      m_always.push_back(rule);
    }
    for (const std::string& keyword : keywords[rule]) {
      add_keyword(keyword, rule);
    }
  }
  build_links();
}

void KeywordPrefilter::add_keyword(const std::string& keyword, uint32_t rule) {
  int32_t state = 0;
  for (char ch : keyword) {
    unsigned char c = fold(static_cast<unsigned char>(ch));
    if (m_states[state].next[c] < 0) {
      m_states[state].next[c] = static_cast<int32_t>(m_states.size());
      m_states.emplace_back();
      std::fill(std::begin(m_states.back().next),
                std::end(m_states.back().next), -1);
    }
    state = m_states[state].next[c];
  }
  m_states[state].rules.push_back(rule);
}

// Classic breadth-first construction; missing transitions are filled in so
// that the scan loop is a single table lookup per byte.
void KeywordPrefilter::build_links() {
  std::queue<int32_t> queue;
  for (int c = 0; c < 256; ++c) {
    int32_t& next = m_states[0].next[c];
    if (next < 0) {
      next = 0;
    } else {
      m_states[next].fail = 0;
      queue.push(next);
    }
  }
  while (!queue.empty()) {
    int32_t state = queue.front();
    queue.pop();
    const std::vector<uint32_t>& inherited =
        m_states[m_states[state].fail].rules;
    m_states[state].rules.insert(m_states[state].rules.end(), inherited.begin(),
                                 inherited.end());
    for (int c = 0; c < 256; ++c) {
      int32_t next = m_states[state].next[c];
      int32_t via_fail = m_states[m_states[state].fail].next[c];
      if (next < 0) {
        m_states[state].next[c] = via_fail;
      } else {
        m_states[next].fail = via_fail;
        queue.push(next);
      }
    }
  }
  for (State& s : m_states) {
    std::sort(s.rules.begin(), s.rules.end());
    s.rules.erase(std::unique(s.rules.begin(), s.rules.end()), s.rules.end());
  }
}

void KeywordPrefilter::candidates(std::string_view text,
                                  std::vector<uint8_t>& out) const {
  out.assign(m_rule_count, 0);
  for (uint32_t rule : m_always) {
    out[rule] = 1;
  }
  int32_t state = 0;
  for (char ch : text) {
    state = m_states[state].next[fold(static_cast<unsigned char>(ch))];
    for (uint32_t rule : m_states[state].rules) {
      out[rule] = 1;
    }
  }
}

} // namespace veil
