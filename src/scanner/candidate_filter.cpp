#include "scanner/candidate_filter.hpp"

#include "scanner/ascii.hpp"
#include "scanner/byte_superset.hpp"
#include "scanner/compiled_rule.hpp"

#include <simdjson.h>

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <map>
#include <mutex>
#include <thread>
#include <utility>

namespace veil {

namespace {

std::vector<std::vector<std::string>>
keyword_lists(const std::vector<CandidateFilter::Rule>& rules) {
  std::vector<std::vector<std::string>> lists;
  for (const CandidateFilter::Rule& rule : rules) {
    lists.push_back(rule.keywords);
  }
  for (const CandidateFilter::Rule& rule : rules) {
    if (!rule.context_words.empty()) {
      lists.push_back(rule.context_words);
    }
  }
  return lists;
}

// VEIL_VECTORSCAN: unset or "0" off (on the bench corpus it does not pay
// yet, see issue 7); "1" builds in the background; "sync" builds before the
// first scan (tests and benchmarks that want one path throughout).
std::string_view vectorscan_mode() {
  const char* env = std::getenv("VEIL_VECTORSCAN");
  return env != nullptr ? env : "";
}

} // namespace

// Pattern ids: rule index for a rule's regex; rule count + n for the n-th
// distinct keyword. Everything here is fixed once `db` is published; until
// a build starts, only `rules` is set (rewriting every regex takes a tenth
// of a second, which a run on the keyword path need not pay).
struct CandidateFilter::Shared {
  std::vector<Rule> rules;
  size_t rule_count = 0;
  std::atomic<bool> enabled{false};
  bool sync = false;
  std::vector<PrefilterPattern> patterns;
  std::vector<std::vector<uint32_t>> keyword_rules;
  std::vector<uint8_t> keyword_ok; // 1: the rule has no keywords
  std::vector<uint8_t> regex_ok;   // 1: regex not in the database
  std::unique_ptr<VectorscanDb> owner;
  std::atomic<const VectorscanDb*> db{nullptr};
  std::once_flag started;
  std::mutex building;

  void prepare();
  void build();
};

void CandidateFilter::Shared::prepare() {
  keyword_ok.assign(rule_count, 0);
  regex_ok.assign(rule_count, 0);
  std::map<std::string, uint32_t> keyword_ids;
  for (uint32_t r = 0; r < rule_count; ++r) {
    if (std::optional<std::string> superset = byte_superset(rules[r].regex)) {
      patterns.push_back(PrefilterPattern{*superset, r, false});
    } else {
      regex_ok[r] = 1;
    }
    keyword_ok[r] = rules[r].keywords.empty();
    for (const std::string& keyword : rules[r].keywords) {
      auto [it, added] = keyword_ids.emplace(keyword, keyword_ids.size());
      if (added) {
        keyword_rules.emplace_back();
        // The keyword prefilter takes "" as "any text that is not empty".
        std::string expression =
            keyword.empty() ? "[\\x00-\\xff]" : literal_pattern(keyword);
        patterns.push_back(PrefilterPattern{
            expression, static_cast<unsigned>(rule_count + it->second), true});
      }
      keyword_rules[it->second].push_back(r);
    }
  }
}

void CandidateFilter::Shared::build() {
  std::lock_guard<std::mutex> lock(building);
  if (!enabled || db.load() != nullptr) {
    return;
  }
  if (patterns.empty()) {
    prepare();
  }
  std::vector<unsigned> rejected;
  std::unique_ptr<VectorscanDb> built = VectorscanDb::build(patterns, rejected);
  if (built == nullptr) {
    enabled = false; // tried once; the keyword prefilter answers
    return;
  }
  for (unsigned id : rejected) {
    if (id >= rule_count) {
      // A keyword it cannot find would change results: keywords only.
      enabled = false;
      return;
    }
    regex_ok[id] = 1;
  }
  owner = std::move(built);
  db.store(owner.get(), std::memory_order_release);
}

CandidateFilter::CandidateFilter(const std::vector<Rule>& rules)
    : m_keywords(keyword_lists(rules)), m_shared(std::make_shared<Shared>()) {
  Shared& s = *m_shared;
  s.rule_count = rules.size();
  s.enabled = VectorscanDb::available() && !rules.empty() &&
              (vectorscan_mode() == "1" || vectorscan_mode() == "sync");
  s.sync = vectorscan_mode() == "sync";
  s.rules = rules;
  m_known_counts =
      std::make_unique<std::atomic<const MinCounts*>[]>(rules.size());
  m_counted = std::make_unique<OnceFlag[]>(rules.size());
  m_min_counts.resize(rules.size());
  int32_t context_lists = 0;
  for (uint32_t r = 0; r < rules.size(); ++r) {
    m_context_list.push_back(rules[r].context_words.empty() ? -1
                                                            : context_lists++);
  }
}

CandidateFilter::~CandidateFilter() = default;

bool CandidateFilter::build_now() const {
  m_shared->enabled = VectorscanDb::available() && m_shared->rule_count > 0;
  m_shared->build();
  return m_shared->db.load() != nullptr;
}

void CandidateFilter::warm_up(size_t bytes) const {
  if (m_shared->sync) {
    m_shared->build();
    return;
  }
  if (!m_shared->enabled ||
      m_bytes_seen.fetch_add(bytes, std::memory_order_relaxed) + bytes <
          k_warm_bytes) {
    return;
  }
  std::call_once(m_shared->started, [this] {
    // Detached: it owns what it reads, and a run that ends first simply
    // leaves the work undone.
    std::thread([shared = m_shared] { shared->build(); }).detach();
  });
}

namespace {

struct ScanContext {
  size_t rule_count;
  const std::vector<std::vector<uint32_t>>* keyword_rules;
  std::vector<uint8_t>* keyword_ok;
  std::vector<uint8_t>* regex_ok;
};

void on_match(unsigned id, void* context) {
  auto* c = static_cast<ScanContext*>(context);
  if (id < c->rule_count) {
    (*c->regex_ok)[id] = 1;
    return;
  }
  for (uint32_t rule : (*c->keyword_rules)[id - c->rule_count]) {
    (*c->keyword_ok)[rule] = 1;
  }
}

} // namespace

void CandidateFilter::candidates(const Text& input, Scratch& scratch,
                                 std::vector<Candidate>& out) const {
  std::string_view text = input.text;
  const Shared& s = *m_shared;
  const VectorscanDb* db = s.db.load(std::memory_order_acquire);
  if (db == nullptr) {
    warm_up(text.size());
    db = s.db.load(std::memory_order_acquire);
  }
  const ByteCounts has = count_bytes(text);
  // The byte-level rewrite is a superset only for valid UTF-8.
  if (db == nullptr || !simdjson::validate_utf8(text.data(), text.size())) {
    keyword_candidates(input, has, scratch, out);
    drop_by_counts(has, text.size(), out);
    return;
  }
  scratch.keyword_ok = s.keyword_ok;
  scratch.regex_ok = s.regex_ok;
  ScanContext context{s.rule_count, &s.keyword_rules, &scratch.keyword_ok,
                      &scratch.regex_ok};
  db->scan(text, scratch.db, on_match, &context);
  out.clear();
  for (uint32_t r = 0; r < s.rule_count; ++r) {
    if (scratch.keyword_ok[r] & scratch.regex_ok[r]) {
      out.push_back(Candidate{r});
    }
  }
  drop_by_counts(has, text.size(), out);
}

void CandidateFilter::keyword_candidates(const Text& text,
                                         const ByteCounts& has,
                                         Scratch& scratch,
                                         std::vector<Candidate>& out) const {
  const size_t rule_count = m_shared->rule_count;
  scratch.seen.resize(m_keywords.size());
  scratch.rules.resize((rule_count + 63) / 64);
  always_by_counts().allow({has.digits, has.upper, has.high, text.text.size()},
                           scratch.rules);
  scratch.hits.clear();
  if (text.walked) {
    m_keywords.matches(text.text, *text.walked, scratch.seen, scratch.hits);
  } else {
    m_keywords.matches(text.text, scratch.seen, scratch.hits);
  }
  // The hits come in the order the keywords were found; a bit per rule
  // gives them in rule order without sorting.
  for (uint32_t hit : scratch.hits) {
    if (hit < rule_count) {
      scratch.rules[hit / 64] |= uint64_t{1} << (hit % 64);
    }
  }
  out.clear();
  for (size_t word = 0; word < scratch.rules.size(); ++word) {
    for (uint64_t bits = std::exchange(scratch.rules[word], 0); bits != 0;
         bits &= bits - 1) {
      uint32_t rule = uint32_t(word * 64 + size_t(std::countr_zero(bits)));
      int32_t context = m_context_list[rule];
      bool outside =
          context >= 0 && !scratch.seen[rule_count + size_t(context)];
      out.push_back(Candidate{rule, outside});
    }
  }
  for (uint32_t hit : scratch.hits) {
    scratch.seen[hit] = 0;
  }
  drop_without_context(text, scratch, out);
}

void CandidateFilter::keyword_walks(std::span<const std::string_view> texts,
                                    Scratch& scratch,
                                    std::vector<uint32_t>& hits,
                                    std::vector<uint32_t>& ends) const {
  scratch.seen.resize(m_keywords.size());
  hits.clear();
  m_keywords.ascii_matches(texts, scratch.walks, scratch.seen, hits, ends);
}

void CandidateFilter::drop_without_context(const Text& text, Scratch& scratch,
                                           std::vector<Candidate>& out) const {
  bool any = std::any_of(out.begin(), out.end(),
                         [](const Candidate& c) { return c.context_outside; });
  if (!any || text.keep_without_context) {
    return;
  }
  const std::vector<uint32_t>& in_key =
      lists_in(text.key, scratch.key, scratch.seen);
  const std::vector<uint32_t>& in_model =
      lists_in(text.model, scratch.model, scratch.seen);
  for (uint32_t list : in_key) {
    scratch.seen[list] = 1;
  }
  for (uint32_t list : in_model) {
    scratch.seen[list] = 1;
  }
  const size_t rule_count = m_shared->rule_count;
  std::erase_if(out, [&](const Candidate& c) {
    return c.context_outside &&
           !scratch.seen[rule_count + size_t(m_context_list[c.rule])];
  });
  for (uint32_t list : in_key) {
    scratch.seen[list] = 0;
  }
  for (uint32_t list : in_model) {
    scratch.seen[list] = 0;
  }
}

const std::vector<uint32_t>&
CandidateFilter::lists_in(std::string_view text, Scratch::Memo& memo,
                          std::vector<uint8_t>& seen) const {
  auto same = [&](const Scratch::Seen& entry) { return entry.text == text; };
  auto make = [&](Scratch::Seen& entry) {
    entry.text = text;
    entry.lists.clear();
    m_keywords.matches(text, seen, entry.lists);
    for (uint32_t list : entry.lists) {
      seen[list] = 0;
    }
  };
  return memo.find(same, make).lists;
}

const MinCounts& CandidateFilter::count(uint32_t rule) const {
  const Rule& spec = m_shared->rules[rule];
  const MinCounts* counts = &m_min_counts[rule];
  if (spec.compiled != nullptr) {
    counts = &spec.compiled->finding_counts();
  } else {
    m_counted[rule].call(
        [&] { m_min_counts[rule] = min_counts(spec.regex, spec.group); });
  }
  m_known_counts[rule].store(counts, std::memory_order_release);
  return *counts;
}

void CandidateFilter::drop_by_counts(const ByteCounts& has, size_t bytes,
                                     std::vector<Candidate>& out) const {
  std::erase_if(out, [&](const Candidate& c) {
    const MinCounts& need = min_counts_of(c.rule);
    return has.digits < size_t(need.digits) || has.upper < size_t(need.upper) ||
           has.high < size_t(need.non_ascii) || bytes < size_t(need.bytes);
  });
}

const CandidateFilter::AlwaysByCounts&
CandidateFilter::always_by_counts() const {
  m_always_built.call([this] {
    std::vector<std::pair<uint32_t, MinCounts>> needs;
    for (uint32_t list : m_keywords.always()) {
      if (list < m_shared->rule_count) {
        needs.emplace_back(list, min_counts_of(list));
      }
    }
    m_always.build(needs, m_shared->rule_count);
  });
  return m_always;
}

void CandidateFilter::AlwaysByCounts::build(
    const std::vector<std::pair<uint32_t, MinCounts>>& needs,
    size_t rule_count) {
  auto need_of = [](const MinCounts& need, size_t count) {
    const std::array<int, 4> all{need.digits, need.upper, need.non_ascii,
                                 need.bytes};
    return size_t(std::max(all[count], 0));
  };
  for (size_t c = 0; c < m_counts.size(); ++c) {
    Count& count = m_counts[c];
    for (const auto& [rule, need] : needs) {
      count.needs.push_back(need_of(need, c));
    }
    std::sort(count.needs.begin(), count.needs.end());
    count.needs.erase(std::unique(count.needs.begin(), count.needs.end()),
                      count.needs.end());
    count.rules.assign(count.needs.size(),
                       std::vector<uint64_t>((rule_count + 63) / 64, 0));
    for (size_t k = 0; k < count.needs.size(); ++k) {
      for (const auto& [rule, need] : needs) {
        if (need_of(need, c) <= count.needs[k]) {
          count.rules[k][rule / 64] |= uint64_t{1} << (rule % 64);
        }
      }
    }
  }
}

void CandidateFilter::AlwaysByCounts::allow(const std::array<size_t, 4>& has,
                                            std::vector<uint64_t>& bits) const {
  std::array<const std::vector<uint64_t>*, 4> allowed{};
  for (size_t c = 0; c < m_counts.size(); ++c) {
    const Count& count = m_counts[c];
    // The needs are few (a handful of digit counts): a scan finds the last
    // one the text meets.
    size_t k = 0;
    while (k < count.needs.size() && count.needs[k] <= has[c]) {
      ++k;
    }
    if (k == 0) {
      return; // no rule's need is met
    }
    allowed[c] = &count.rules[k - 1];
  }
  for (size_t w = 0; w < bits.size(); ++w) {
    bits[w] |= (*allowed[0])[w] & (*allowed[1])[w] & (*allowed[2])[w] &
               (*allowed[3])[w];
  }
}

} // namespace veil
