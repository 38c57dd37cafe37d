// Numbers distinct values per entity: the first email seen is
// [EMAIL_ADDRESS_1], the same email again gets the same label, the next one
// [EMAIL_ADDRESS_2]. Runs in the ordered output stage, so numbering follows
// input order whatever -j is. reset() starts a new --scope (line or file).
// seed() takes the labels an existing vault already gave out, so a second
// `redact --vault` run keeps them and numbers new values after them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

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
  // Hashed: a run of distinct values (--scope run) keeps them all, and a
  // tree of 100,000 emails took 17 string compares a finding.
  struct PerEntity {
    std::unordered_map<std::string, size_t> values;
    size_t next = 1;
  };
  std::unordered_map<std::string, PerEntity> m_numbers;
};

struct LabelName {
  std::string entity;
  size_t number = 0;
};

// "[EMAIL_ADDRESS_12]" -> {EMAIL_ADDRESS, 12}; nothing for other text.
std::optional<LabelName> parse_label(std::string_view placeholder);

} // namespace veil
