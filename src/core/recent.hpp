// A few recently made values, each kept with what it was made from: a log
// repeats a handful of system prompts, JSON keys or model names in turns,
// and a value made once per distinct input (a leak index, a keyword list)
// is found again instead of made again. Entries are replaced in turn; the
// last one found is asked first.
#pragma once

#include <array>
#include <cstddef>

namespace veil {

template <typename Entry, size_t N>
class Recent {
public:
  // The entry `same(entry)` holds; else the next one in turn, after
  // `make(entry)` has refilled it.
  template <typename Same, typename Make>
  Entry& find(Same same, Make make) {
    if (m_used > 0 && same(m_entries[m_last])) {
      return m_entries[m_last];
    }
    for (size_t i = 0; i < m_used; ++i) {
      if (same(m_entries[i])) {
        m_last = i;
        return m_entries[i];
      }
    }
    m_last = m_next;
    m_next = (m_next + 1) % N;
    if (m_used < N) {
      ++m_used;
    }
    make(m_entries[m_last]);
    return m_entries[m_last];
  }

private:
  std::array<Entry, N> m_entries{};
  size_t m_used = 0; // entries filled, the first ones
  size_t m_last = 0; // found last
  size_t m_next = 0; // replaced next
};

} // namespace veil
