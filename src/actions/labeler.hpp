// Numbers distinct values per entity: the first email seen is
// [EMAIL_ADDRESS_1], the same email again gets the same label, the next one
// [EMAIL_ADDRESS_2]. Runs in the ordered output stage, so numbering follows
// input order whatever -j is. reset() starts a new --scope (line or file).
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace veil {

enum class Scope { line, file, run };

class Labeler {
public:
  std::string label(const std::string& entity, const std::string& normalized);
  void reset() { m_numbers.clear(); }

private:
  struct PerEntity {
    std::map<std::string, size_t> values;
  };
  std::map<std::string, PerEntity> m_numbers;
};

} // namespace veil
