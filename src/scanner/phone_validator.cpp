#include "scanner/phone_number.hpp"
#include "scanner/phone_regions.hpp"

#include <array>
#include <functional>
#include <memory>
#include <mutex>

namespace veil {

namespace {

using RegionList = std::shared_ptr<const std::vector<std::string>>;

struct RegionState {
  std::mutex mutex;
  RegionList regions =
      std::make_shared<const std::vector<std::string>>(default_phone_regions());
  uint64_t generation = 1; // counts the region lists set, for the memo
};

RegionState& region_state() {
  static RegionState state;
  return state;
}

struct Regions {
  RegionList list;
  uint64_t generation = 0;
};

Regions current_regions() {
  RegionState& state = region_state();
  std::lock_guard<std::mutex> lock(state.mutex);
  return {state.regions, state.generation};
}

// The verdicts on the numbers a thread checked last: a number costs about
// 3 us (up to ten regions, a dozen RE2 matches each), and logs repeat
// numbers (a support line in every answer); a file of repeated numbers
// scans 1.25 times as fast with it. Direct-mapped; a verdict holds for the
// region list it was made with.
class Verdicts {
public:
  const bool* find(std::string_view number, uint64_t generation) const {
    const Entry& e = m_entries[slot(number)];
    return e.generation == generation && e.number == number ? &e.valid
                                                            : nullptr;
  }
  void keep(std::string_view number, uint64_t generation, bool valid) {
    Entry& e = m_entries[slot(number)];
    e.generation = generation;
    e.number.assign(number);
    e.valid = valid;
  }

private:
  static constexpr size_t k_entries = 1024; // a power of two
  static size_t slot(std::string_view number) {
    return std::hash<std::string_view>{}(number) & (k_entries - 1);
  }
  struct Entry {
    uint64_t generation = 0; // 0: empty
    std::string number;
    bool valid = false;
  };
  std::array<Entry, k_entries> m_entries;
};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') {
      c = char(c - 'a' + 'A');
    }
  }
  return out;
}

// Digit groups and the separators between them, e.g. "030/1234567" gives
// groups {"030", "1234567"} and separators "/".
struct Shape {
  std::vector<std::string_view> groups;
  std::string separators;
  int digits = 0;
};

// Only digits, the separators people type in phone numbers, parentheses
// and a leading "+"; anything else is no phone number.
bool read_shape(std::string_view text, Shape& shape) {
  size_t start = std::string_view::npos;
  for (size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : '\0';
    if (i < text.size() && is_digit(c)) {
      start = start == std::string_view::npos ? i : start;
      ++shape.digits;
      continue;
    }
    if (start != std::string_view::npos) {
      shape.groups.push_back(text.substr(start, i - start));
      start = std::string_view::npos;
    }
    if (i == text.size()) {
      break;
    }
    if (c == '+' && i == 0) {
      continue;
    }
    if (c != ' ' && c != '.' && c != '-' && c != '/' && c != '(' && c != ')') {
      return false;
    }
    if (c != '(' && c != ')') {
      shape.separators += c;
    }
  }
  return true;
}

int to_int(std::string_view digits) {
  int value = 0;
  for (char c : digits) {
    value = value * 10 + (c - '0');
  }
  return value;
}

bool is_day_or_month(std::string_view group) {
  return group.size() <= 2 && to_int(group) >= 1 && to_int(group) <= 31;
}

bool is_year(std::string_view group) {
  return group.size() == 4 &&
         (group.substr(0, 2) == "19" || group.substr(0, 2) == "20");
}

// Shapes that libphonenumber might accept somewhere but that people write
// for other things: dates (2024-01-15, 15.01.2024, 01/15/2024), IPv4
// addresses and US SSNs (078-05-1120).
bool looks_like_other_number(std::string_view text, const Shape& shape) {
  const auto& g = shape.groups;
  const bool same_separators = !shape.separators.empty() &&
                               shape.separators.find_first_not_of(
                                   shape.separators[0]) == std::string::npos;
  if (g.size() == 3 && same_separators && shape.separators[0] != ' ') {
    if (is_year(g[0]) && is_day_or_month(g[1]) && is_day_or_month(g[2])) {
      return true;
    }
    if (is_year(g[2]) && is_day_or_month(g[0]) && is_day_or_month(g[1])) {
      return true;
    }
    if (g[0].size() == 3 && g[1].size() == 2 && g[2].size() == 4 &&
        shape.separators[0] == '-') {
      return true;
    }
  }
  if (g.size() == 4 && shape.separators == "..." && text.front() != '0') {
    bool octets = true;
    for (std::string_view group : g) {
      octets = octets && group.size() <= 3 && to_int(group) <= 255;
    }
    return octets;
  }
  return false;
}

std::vector<std::string> groups_of(std::string_view text) {
  std::vector<std::string> groups;
  std::string current;
  for (char c : text) {
    if (is_digit(c)) {
      current += c;
    } else if (!current.empty()) {
      groups.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) {
    groups.push_back(std::move(current));
  }
  return groups;
}

// Digits of the first parenthesized group, "" when there is none.
std::string parenthesized(std::string_view text) {
  const size_t open = text.find('(');
  const size_t close = text.find(')', open);
  if (open == std::string_view::npos || close == std::string_view::npos) {
    return "";
  }
  return phone_digits(text.substr(open + 1, close - open - 1));
}

std::string first_group(std::string_view formatted) {
  const size_t begin = formatted.find_first_of("0123456789");
  if (begin == std::string_view::npos) {
    return "";
  }
  const size_t end = formatted.find_first_not_of("0123456789", begin);
  return std::string(formatted.substr(begin, end - begin));
}

bool is_personal_type(PhoneType type) {
  return type == PhoneType::fixed_line || type == PhoneType::mobile ||
         type == PhoneType::fixed_line_or_mobile || type == PhoneType::voip ||
         type == PhoneType::personal_number;
}

// A national number is a phone of `region` when libphonenumber would call
// it valid there AND it is written the way that country writes it: the
// same digits as its national format (trunk "0" included: "1234567890" is
// no UK number even though 01234 567890 is), an area code in parentheses
// that is the format's first group, and a fixed, mobile or personal line.
// Those checks keep a digit run that happens to be valid in one of ten
// countries from counting as a phone.
bool valid_national(std::string_view number, const PhonePlan& region) {
  const std::optional<ParsedPhone> parsed = parse_phone(number, &region);
  const PhoneType type = parsed ? phone_type(*parsed) : PhoneType::unknown;
  if (type == PhoneType::unknown) {
    return false;
  }
  if (parsed->source == PhoneCodeSource::idd) {
    return true; // 0044 20 7946 0958: dialled abroad, the country is given
  }
  if (parsed->source != PhoneCodeSource::region || !is_personal_type(type)) {
    return false;
  }
  const std::string national = national_format(*parsed, number);
  const std::string written = phone_digits(number);
  // Indian mobiles are written with or without their trunk 0, but then in
  // India's grouping (98765 43210): any ten digits from 6 to 9 are a valid
  // Indian mobile, so "961 499 0549" (an NHS number) must not count.
  const bool same_digits =
      written == phone_digits(national) ||
      (region.id == "IN" && type == PhoneType::mobile &&
       written == parsed->national &&
       (groups_of(number).size() == 1 ||
        groups_of(number) == groups_of(national.substr(1))));
  const std::string area = parenthesized(number);
  return same_digits && (area.empty() || area == first_group(national));
}

} // namespace

bool is_phone_number(std::string_view text,
                     const std::vector<std::string>& regions) {
  if (!text.empty() && text.front() == '+') {
    const std::optional<ParsedPhone> parsed = parse_phone(text, nullptr);
    return parsed && phone_type(*parsed) != PhoneType::unknown;
  }
  const PhonePlans& plans = PhonePlans::get();
  for (const std::string& region : regions) {
    const PhonePlan* plan = plans.region(region);
    if (plan != nullptr && valid_national(text, *plan)) {
      return true;
    }
  }
  return false;
}

std::vector<std::string> default_phone_regions() {
  return {"US", "GB", "DE", "FR", "IN", "CN", "JP", "BR", "ES", "IT"};
}

void set_phone_regions(std::vector<std::string> regions) {
  for (std::string& region : regions) {
    region = upper(region);
  }
  if (regions.empty()) {
    regions = default_phone_regions();
  }
  auto list =
      std::make_shared<const std::vector<std::string>>(std::move(regions));
  RegionState& state = region_state();
  std::lock_guard<std::mutex> lock(state.mutex);
  state.regions = std::move(list);
  ++state.generation;
}

std::vector<std::string> phone_regions() {
  return *current_regions().list;
}

bool is_phone_region(std::string_view region) {
  return PhonePlans::get().region(upper(region)) != nullptr;
}

bool validate_phone(std::string_view text) {
  while (!text.empty() && text.front() == ' ') {
    text.remove_prefix(1);
  }
  while (!text.empty() && text.back() == ' ') {
    text.remove_suffix(1);
  }
  Shape shape;
  // 7 digits is the shortest subscriber number people give with an area
  // code; 15 is E.164's maximum, plus two for a "00" international prefix.
  if (text.empty() || !read_shape(text, shape) || shape.digits < 7 ||
      shape.digits > 17 || looks_like_other_number(text, shape)) {
    return false;
  }
  const Regions regions = current_regions();
  thread_local const auto verdicts = std::make_unique<Verdicts>();
  if (const bool* known = verdicts->find(text, regions.generation)) {
    return *known;
  }
  const bool valid = is_phone_number(text, *regions.list);
  verdicts->keep(text, regions.generation, valid);
  return valid;
}

} // namespace veil
