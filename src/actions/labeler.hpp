// Numbers distinct values per entity: the first email seen is
// [EMAIL_ADDRESS_1], the same email again gets the same label, the next one
// [EMAIL_ADDRESS_2]. Runs in the ordered output stage, so numbering follows
// input order whatever -j is. reset() starts a new --scope (line or file).
// seed() takes the labels an existing vault already gave out, so a second
// `redact --vault` run keeps them and numbers new values after them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace veil {

enum class Scope { line, file, run };

class Labeler {
public:
  std::string label(const std::string& entity, const std::string& normalized);
  // normalized keeps label number from now on; new values get higher ones.
  void seed(const std::string& entity, const std::string& normalized,
            size_t number);
  void reset() { m_numbers.clear(); }

private:
  // The numbers of one entity's values, open-addressed: a run of distinct
  // values (--scope run) keeps them all, and with 100,000 emails a tree
  // took 17 string compares a finding and a node-based hash map four cache
  // misses. A slot holds the value's hash, so a probe reads a string only
  // when the hashes agree.
  class Numbers {
  public:
    // The value's number, or `number` (kept for it) when it is new.
    size_t find_or_add(const std::string& value, size_t number);
    size_t next = 1;

  private:
    struct Slot {
      uint64_t hash = 0;
      uint32_t value = 0; // 1 + index into m_values; 0: empty
    };
    void grow();
    std::vector<Slot> m_slots; // a power of two, at most half full
    std::vector<std::pair<std::string, size_t>> m_values;
  };
  std::unordered_map<std::string, Numbers> m_numbers;
};

struct LabelName {
  std::string entity;
  size_t number = 0;
};

// "[EMAIL_ADDRESS_12]" -> {EMAIL_ADDRESS, 12}; nothing for other text.
std::optional<LabelName> parse_label(std::string_view placeholder);

} // namespace veil
