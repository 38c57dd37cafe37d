#include "sinks/report/label_renumber.hpp"

#include "sinks/report/report_merge.hpp"

#include <map>
#include <string>
#include <unordered_map>

namespace veil {

namespace {

// Union-find over the names of values: "f" + fingerprint, and
// "l" + shard + label for each shard's own label.
class Classes {
public:
  size_t id(const std::string& name) {
    const auto [it, inserted] = m_ids.emplace(name, m_parent.size());
    if (inserted) {
      m_parent.push_back(it->second);
    }
    return it->second;
  }
  size_t find(size_t x) {
    while (m_parent[x] != x) {
      m_parent[x] = m_parent[m_parent[x]];
      x = m_parent[x];
    }
    return x;
  }
  void join(size_t a, size_t b) { m_parent[find(a)] = find(b); }

private:
  std::unordered_map<std::string, size_t> m_ids;
  std::vector<size_t> m_parent;
};

bool renumbered(const Finding& f) {
  return f.action == "reported" && is_label(f.replacement);
}

std::string label_name(size_t shard, const Finding& f) {
  return "l" + std::to_string(shard) + ":" + f.replacement;
}

// "[EMAIL_ADDRESS_3]" -> "EMAIL_ADDRESS".
std::string label_entity(const std::string& label) {
  return label.substr(1, label.rfind('_') - 1);
}

} // namespace

void renumber_shard_labels(std::vector<ShardReport>& shards) {
  Classes classes;
  for (size_t s = 0; s < shards.size(); ++s) {
    for (const Finding& f : shards[s].findings) {
      if (renumbered(f)) {
        classes.join(classes.id(label_name(s, f)),
                     classes.id("f" + f.fingerprint));
      }
    }
  }
  // entity -> value class -> number, as Labeler numbers them.
  std::map<std::string, std::map<size_t, size_t>> numbers;
  for (size_t s = 0; s < shards.size(); ++s) {
    for (Finding& f : shards[s].findings) {
      if (!renumbered(f)) {
        continue;
      }
      const std::string entity = label_entity(f.replacement);
      auto& per_entity = numbers[entity];
      const size_t value = classes.find(classes.id(label_name(s, f)));
      const auto it = per_entity.emplace(value, per_entity.size() + 1).first;
      f.replacement = "[" + entity + "_" + std::to_string(it->second) + "]";
    }
  }
}

} // namespace veil
