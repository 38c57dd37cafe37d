#include "scanner/phone_number.hpp"

#include <algorithm>

namespace veil {

namespace {

// libphonenumber's bounds on a national significant number.
constexpr size_t k_min_national = 2;
constexpr size_t k_max_national = 17;
constexpr size_t k_max_country_code = 3;

re2::StringPiece piece(std::string_view text) {
  return {text.data(), text.size()};
}

bool full_match(const RE2* re, std::string_view text) {
  return re != nullptr && RE2::FullMatch(piece(text), *re);
}

// The length of re's match at the start of text (RegExp::Consume).
std::optional<size_t> consume(const RE2& re, std::string_view text) {
  re2::StringPiece match;
  if (!re.Match(piece(text), 0, text.size(), RE2::ANCHOR_START, &match, 1)) {
    return std::nullopt;
  }
  return match.size();
}

bool contains(const std::vector<int>& lengths, size_t length) {
  return std::find(lengths.begin(), lengths.end(), int(length)) !=
         lengths.end();
}

// IsNumberMatchingDesc: a possible length, then the pattern.
bool matches(const PhoneNumberDesc& desc, std::string_view national) {
  return (desc.lengths.empty() || contains(desc.lengths, national.size())) &&
         full_match(desc.pattern.get(), national);
}

// IsMatch: the general pattern alone, whatever the length.
bool matches_general(const PhonePlan& plan, std::string_view national) {
  return full_match(plan.desc(PhoneDesc::general).pattern.get(), national);
}

enum class LengthFit { possible, local_only, too_short, too_long, invalid };

// TestNumberLength for any type: the general desc's lengths.
LengthFit test_length(size_t length, const PhonePlan& plan) {
  const PhoneNumberDesc& general = plan.desc(PhoneDesc::general);
  const std::vector<int>& lengths = general.lengths;
  if (lengths.empty() || lengths.front() == -1) {
    return LengthFit::invalid;
  }
  if (contains(general.local_lengths, length)) {
    return LengthFit::local_only;
  }
  if (size_t(lengths.front()) > length) {
    return LengthFit::too_short;
  }
  if (size_t(lengths.back()) < length) {
    return LengthFit::too_long;
  }
  return contains(lengths, length) ? LengthFit::possible : LengthFit::invalid;
}

// MaybeStripNationalPrefixAndCarrierCode: the trunk prefix ("0" in "020
// 7946 0958") and any carrier code after it, or the transform some plans
// make instead ("0 11 15 ..." becomes "9 11 ..." in Argentina). Kept only
// if a number that matched the general pattern still does.
void strip_national_prefix(const PhonePlan& plan, std::string& number) {
  const RE2* prefix = plan.national_prefix_for_parsing.get();
  if (number.empty() || prefix == nullptr) {
    return;
  }
  const int groups = prefix->NumberOfCapturingGroups();
  re2::StringPiece match[3];
  if (!prefix->Match(number, 0, number.size(), RE2::ANCHOR_START, match,
                     1 + std::min(groups, 2))) {
    return;
  }
  const bool viable = matches_general(plan, number);
  std::string stripped;
  const bool transforms = !plan.national_prefix_transform.empty() &&
                          groups >= 1 && !match[std::min(groups, 2)].empty();
  if (transforms) {
    stripped = number;
    RE2::Replace(&stripped, *prefix, plan.national_prefix_transform);
  } else {
    stripped = number.substr(match[0].size());
  }
  if (!viable || matches_general(plan, stripped)) {
    number = std::move(stripped);
  }
}

bool is_country_code(int code) {
  return PhonePlans::get().territory_count(code) > 0;
}

// ExtractCountryCode: the first one to three digits that are a code.
int extract_country_code(std::string& number) {
  if (number.empty() || number[0] == '0') {
    return 0;
  }
  int code = 0;
  for (size_t i = 0; i < k_max_country_code && i < number.size(); ++i) {
    code = code * 10 + (number[i] - '0');
    if (is_country_code(code)) {
      number.erase(0, i + 1);
      return code;
    }
  }
  return 0;
}

// MaybeStripInternationalPrefixAndNormalize: a "+", or the region's
// international prefix unless a 0 follows it (no country code starts so).
PhoneCodeSource strip_international_prefix(std::string_view possible,
                                           const PhonePlan* region,
                                           std::string& number) {
  if (possible.front() == '+') {
    number = phone_digits(possible.substr(1));
    return PhoneCodeSource::plus_sign;
  }
  number = phone_digits(possible);
  if (region == nullptr) {
    return PhoneCodeSource::region;
  }
  const std::optional<size_t> idd =
      consume(*region->international_prefix.get(), number);
  if (!idd || (*idd < number.size() && number[*idd] == '0')) {
    return PhoneCodeSource::region;
  }
  number.erase(0, *idd);
  return PhoneCodeSource::idd;
}

// MaybeExtractCountryCode for a number without a "+" or IDD: the region's
// own code written without "+" ("44 20 7946 0958" in GB) when the rest
// fits the region better.
void strip_own_country_code(const PhonePlan& region, std::string& number,
                            ParsedPhone& parsed) {
  const std::string code = std::to_string(region.country_code);
  if (number.compare(0, code.size(), code) != 0) {
    return;
  }
  std::string rest = number.substr(code.size());
  strip_national_prefix(region, rest);
  if ((!matches_general(region, number) && matches_general(region, rest)) ||
      test_length(number.size(), region) == LengthFit::too_long) {
    number = std::move(rest);
    parsed.source = PhoneCodeSource::without_plus_sign;
    parsed.country_code = region.country_code;
  }
}

// The territory a number belongs to (GetRegionCodeForNumber), null when
// none of its code's territories claims it.
const PhonePlan* territory_of(const ParsedPhone& number) {
  const PhonePlans& plans = PhonePlans::get();
  const size_t count = plans.territory_count(number.country_code);
  for (size_t i = 0; i < count; ++i) {
    const PhonePlan& plan = plans.territory(number.country_code, i);
    if (count == 1) {
      return &plan;
    }
    const bool claims =
        plan.leading_digits.get() != nullptr
            ? consume(*plan.leading_digits.get(), number.national).has_value()
            : phone_type(number.national, plan) != PhoneType::unknown;
    if (claims) {
      return &plan;
    }
  }
  return nullptr;
}

} // namespace

// GetNumberTypeHelper: the general pattern, then each type in
// libphonenumber's order.
PhoneType phone_type(std::string_view national, const PhonePlan& plan) {
  if (!matches(plan.desc(PhoneDesc::general), national)) {
    return PhoneType::unknown;
  }
  static constexpr std::pair<PhoneDesc, PhoneType> k_special[] = {
      {PhoneDesc::premium_rate, PhoneType::premium_rate},
      {PhoneDesc::toll_free, PhoneType::toll_free},
      {PhoneDesc::shared_cost, PhoneType::shared_cost},
      {PhoneDesc::voip, PhoneType::voip},
      {PhoneDesc::personal_number, PhoneType::personal_number},
      {PhoneDesc::pager, PhoneType::pager},
      {PhoneDesc::uan, PhoneType::uan},
      {PhoneDesc::voicemail, PhoneType::voicemail}};
  for (const auto& [desc, type] : k_special) {
    if (matches(plan.desc(desc), national)) {
      return type;
    }
  }
  const bool mobile = !plan.same_mobile_and_fixed_line &&
                      matches(plan.desc(PhoneDesc::mobile), national);
  if (matches(plan.desc(PhoneDesc::fixed_line), national)) {
    return plan.same_mobile_and_fixed_line || mobile
               ? PhoneType::fixed_line_or_mobile
               : PhoneType::fixed_line;
  }
  return mobile ? PhoneType::mobile : PhoneType::unknown;
}

std::optional<ParsedPhone> parse_phone(std::string_view text,
                                       const PhonePlan* region) {
  // ExtractPossibleNumber: from the first "+" or digit to the last digit.
  const size_t first = text.find_first_of("+0123456789");
  const size_t last = text.find_last_of("0123456789");
  if (first == std::string_view::npos || last == std::string_view::npos ||
      last < first) {
    return std::nullopt;
  }
  const std::string_view possible = text.substr(first, last - first + 1);
  if (possible.front() == '+') {
    region = nullptr;
  } else if (region == nullptr) {
    return std::nullopt; // no region to read a national number in
  }
  ParsedPhone parsed;
  std::string& number = parsed.national;
  parsed.source = strip_international_prefix(possible, region, number);
  if (parsed.source != PhoneCodeSource::region) {
    if (number.size() <= k_min_national) {
      return std::nullopt;
    }
    parsed.country_code = extract_country_code(number);
    if (parsed.country_code == 0) {
      return std::nullopt;
    }
  } else {
    strip_own_country_code(*region, number, parsed);
  }
  const PhonePlan& plan =
      parsed.country_code != 0
          ? PhonePlans::get().territory(parsed.country_code, 0)
          : *region;
  parsed.country_code = plan.country_code;
  if (number.size() < k_min_national) {
    return std::nullopt;
  }
  std::string stripped = number;
  strip_national_prefix(plan, stripped);
  const LengthFit fit = test_length(stripped.size(), plan);
  if (fit != LengthFit::too_short && fit != LengthFit::local_only &&
      fit != LengthFit::invalid) {
    number = std::move(stripped);
  }
  if (number.size() < k_min_national || number.size() > k_max_national) {
    return std::nullopt;
  }
  return parsed;
}

std::string phone_digits(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      out += c;
    }
  }
  return out;
}

PhoneType phone_type(const ParsedPhone& number) {
  const PhonePlan* plan = territory_of(number);
  return plan == nullptr ? PhoneType::unknown
                         : phone_type(number.national, *plan);
}

std::string national_format(const ParsedPhone& number, std::string_view raw) {
  const std::string& national = number.national;
  if (national.find_first_not_of('0') == std::string::npos) {
    return std::string(raw); // a national number of 0 formats as typed
  }
  const PhonePlan& plan = PhonePlans::get().territory(number.country_code, 0);
  for (const PhoneFormat& format : plan.formats) {
    const RE2* leading = format.leading_digits.get();
    if ((leading == nullptr || consume(*leading, national)) &&
        full_match(format.pattern.get(), national)) {
      std::string formatted = national;
      RE2::GlobalReplace(&formatted, *format.pattern.get(),
                         format.national_rewrite);
      return formatted;
    }
  }
  return national;
}

} // namespace veil
