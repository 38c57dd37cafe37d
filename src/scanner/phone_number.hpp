// libphonenumber's answers, computed from its own numbering plans
// (phone_plans.hpp) with RE2: ParseAndKeepRawInput, GetNumberType (so
// IsValidNumber) and Format(NATIONAL), step for step, for the texts veil's
// phone validator lets through: ASCII digits, the separators " .-/", round
// brackets and a leading "+", with at least three digits. A differential
// test holds them to libphonenumber itself.
#pragma once

#include "scanner/phone_plans.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace veil {

enum class PhoneType {
  unknown, // not a valid number
  premium_rate,
  toll_free,
  shared_cost,
  voip,
  personal_number,
  pager,
  uan,
  voicemail,
  fixed_line,
  fixed_line_or_mobile,
  mobile,
};

// Where the country calling code came from (PhoneNumber's
// CountryCodeSource).
enum class PhoneCodeSource { plus_sign, idd, without_plus_sign, region };

struct ParsedPhone {
  int country_code = 0;
  std::string national; // the national significant number
  PhoneCodeSource source = PhoneCodeSource::region;
};

// The number as parsed with `region` as default region; a "+" number is
// parsed as with the unknown region "ZZ" (`region` is not used). Nothing
// where libphonenumber reports an error.
std::optional<ParsedPhone> parse_phone(std::string_view text,
                                       const PhonePlan* region);

// GetNumberType: unknown for a number IsValidNumber rejects.
PhoneType phone_type(const ParsedPhone& number);
// GetNumberTypeHelper: the type of a national number in one plan.
PhoneType phone_type(std::string_view national, const PhonePlan& plan);

// The text's ASCII digits in order (NormalizeDigitsOnly, for such texts).
std::string phone_digits(std::string_view text);

// Format(number, NATIONAL); `raw` is the text it was parsed from.
std::string national_format(const ParsedPhone& number, std::string_view raw);

} // namespace veil
