#include "scanner/pair_boost.hpp"

#include "scanner/compiled_rule.hpp"

#include <algorithm>

namespace veil {

namespace {

Severity one_level_higher(Severity s) {
  return s == Severity::critical ? s : Severity(int(s) + 1);
}

bool partner_matched(const std::vector<std::string>& partners,
                     const std::vector<Match>& matches, size_t from) {
  return std::any_of(matches.begin() + long(from), matches.end(),
                     [&](const Match& m) {
                       const std::string& id = m.rule->spec().id;
                       return std::find(partners.begin(), partners.end(), id) !=
                              partners.end();
                     });
}

} // namespace

void raise_paired(std::vector<Match>& matches, size_t from) {
  for (size_t i = from; i < matches.size(); ++i) {
    const std::vector<std::string>& partners =
        matches[i].rule->spec().pairs_with;
    if (!partners.empty() && partner_matched(partners, matches, from)) {
      matches[i].severity = one_level_higher(matches[i].severity);
      matches[i].confidence = std::min(1.0, matches[i].confidence + 0.1);
    }
  }
}

} // namespace veil
