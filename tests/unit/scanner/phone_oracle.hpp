// libphonenumber's own answers, to hold phone_number.cpp to: shared by the
// unit test and the phone fuzz target.
#pragma once

#include "scanner/phone_number.hpp"

#include <phonenumbers/phonenumberutil.h>
#include <string>
#include <string_view>

namespace veil::phone_oracle {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

inline const PhoneNumberUtil& util() {
  return *PhoneNumberUtil::GetInstance();
}

inline PhoneType type_of(PhoneNumberUtil::PhoneNumberType type) {
  switch (type) {
  case PhoneNumberUtil::FIXED_LINE:
    return PhoneType::fixed_line;
  case PhoneNumberUtil::MOBILE:
    return PhoneType::mobile;
  case PhoneNumberUtil::FIXED_LINE_OR_MOBILE:
    return PhoneType::fixed_line_or_mobile;
  case PhoneNumberUtil::TOLL_FREE:
    return PhoneType::toll_free;
  case PhoneNumberUtil::PREMIUM_RATE:
    return PhoneType::premium_rate;
  case PhoneNumberUtil::SHARED_COST:
    return PhoneType::shared_cost;
  case PhoneNumberUtil::VOIP:
    return PhoneType::voip;
  case PhoneNumberUtil::PERSONAL_NUMBER:
    return PhoneType::personal_number;
  case PhoneNumberUtil::PAGER:
    return PhoneType::pager;
  case PhoneNumberUtil::UAN:
    return PhoneType::uan;
  case PhoneNumberUtil::VOICEMAIL:
    return PhoneType::voicemail;
  default:
    return PhoneType::unknown;
  }
}

inline PhoneCodeSource source_of(PhoneNumber::CountryCodeSource source) {
  switch (source) {
  case PhoneNumber::FROM_NUMBER_WITH_PLUS_SIGN:
    return PhoneCodeSource::plus_sign;
  case PhoneNumber::FROM_NUMBER_WITH_IDD:
    return PhoneCodeSource::idd;
  case PhoneNumber::FROM_NUMBER_WITHOUT_PLUS_SIGN:
    return PhoneCodeSource::without_plus_sign;
  default:
    return PhoneCodeSource::region;
  }
}

// The texts phone_number.cpp is written for: digits, " .-/", brackets and
// a leading "+", three digits at least.
inline bool has_phone_shape(const std::string& text) {
  int digits = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    digits += c >= '0' && c <= '9';
    const bool allowed =
        (c >= '0' && c <= '9') || (c == '+' && i == 0) ||
        std::string_view(" .-/()").find(c) != std::string_view::npos;
    if (!allowed) {
      return false;
    }
  }
  return digits >= 3;
}

// The first answer on which veil and libphonenumber differ for `text`
// read with default region `region` ("" when none does).
inline std::string phone_mismatch(const std::string& text,
                                  const std::string& region) {
  PhoneNumber expected;
  const bool lib_parsed = util().ParseAndKeepRawInput(
                              text, text[0] == '+' ? "ZZ" : region,
                              &expected) == PhoneNumberUtil::NO_PARSING_ERROR;
  const std::optional<ParsedPhone> parsed =
      parse_phone(text, PhonePlans::get().region(region));
  if (parsed.has_value() != lib_parsed) {
    return "parsed";
  }
  if (!lib_parsed) {
    return "";
  }
  std::string nsn;
  util().GetNationalSignificantNumber(expected, &nsn);
  std::string national;
  util().Format(expected, PhoneNumberUtil::NATIONAL, &national);
  const PhoneType type = phone_type(*parsed);
  if (parsed->national != nsn) {
    return "national number";
  }
  if (parsed->country_code != expected.country_code()) {
    return "country code";
  }
  if (parsed->source != source_of(expected.country_code_source())) {
    return "country code source";
  }
  if (type != type_of(util().GetNumberType(expected)) ||
      (type != PhoneType::unknown) != util().IsValidNumber(expected)) {
    return "type";
  }
  if (national_format(*parsed, text) != national) {
    return "national format";
  }
  return "";
}

} // namespace veil::phone_oracle
