// phone_number.cpp against libphonenumber itself: every answer veil's
// phone validator takes from it (the parse, the country code's source, the
// type, the national format) on the example numbers of every territory,
// written in several ways and mutated, and on random digit runs.
#include "phone_oracle.hpp"
#include "scanner/phone_regions.hpp"

#include <doctest/doctest.h>

#include <random>
#include <set>
#include <string>
#include <vector>

using namespace veil;
using namespace veil::phone_oracle;

namespace {

class Texts {
public:
  explicit Texts(uint32_t seed) : m_random(seed) {}

  void add(const std::string& text) {
    if (has_phone_shape(text) && m_seen.insert(text).second) {
      m_texts.push_back(text);
    }
  }

  // The text, one digit changed, one dropped, one added.
  void add_mutated(const std::string& text) {
    add(text);
    const std::vector<size_t> digits = digit_places(text);
    if (digits.empty()) {
      return;
    }
    std::string changed = text;
    changed[pick(digits)] = char('0' + m_random() % 10);
    add(changed);
    std::string dropped = text;
    dropped.erase(pick(digits), 1);
    add(dropped);
    std::string added = text;
    added.insert(pick(digits), 1, char('0' + m_random() % 10));
    add(added);
  }

  // A run of 7 to 17 digits after a prefix people dial, grouped.
  void add_random() {
    static const char* const k_prefixes[] = {
        "",    "",        "",     "+",     "0",  "00", "011", "1",
        "+1 ", "+44 (0)", "+49 ", "0044 ", "(0", "8 ", "+7 ", "+54 9 "};
    std::string text = k_prefixes[m_random() % std::size(k_prefixes)];
    const size_t length = 7 + m_random() % 11;
    for (size_t i = 0; i < length; ++i) {
      text += char((i == 0 ? '1' + m_random() % 9 : '0' + m_random() % 10));
      if (m_random() % 5 == 0 && i + 1 < length) {
        text += " -./"[m_random() % 4];
      }
    }
    add(text);
  }

  const std::vector<std::string>& all() const { return m_texts; }
  std::mt19937& random() { return m_random; }

private:
  static std::vector<size_t> digit_places(const std::string& text) {
    std::vector<size_t> places;
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] >= '0' && text[i] <= '9') {
        places.push_back(i);
      }
    }
    return places;
  }
  size_t pick(const std::vector<size_t>& places) {
    return places[m_random() % places.size()];
  }

  std::mt19937 m_random;
  std::set<std::string> m_seen;
  std::vector<std::string> m_texts;
};

// Every territory's example numbers as E.164, international, national and
// bare national significant number, and dialled from abroad.
void add_examples(Texts& texts, const std::string& region) {
  for (int t = 0; t <= PhoneNumberUtil::UNKNOWN; ++t) {
    PhoneNumber number;
    if (!util().GetExampleNumberForType(
            region, PhoneNumberUtil::PhoneNumberType(t), &number)) {
      continue;
    }
    std::string nsn;
    util().GetNationalSignificantNumber(number, &nsn);
    const std::string code = std::to_string(number.country_code());
    for (auto format : {PhoneNumberUtil::E164, PhoneNumberUtil::INTERNATIONAL,
                        PhoneNumberUtil::NATIONAL}) {
      std::string formatted;
      util().Format(number, format, &formatted);
      texts.add_mutated(formatted);
    }
    texts.add_mutated(nsn);
    texts.add_mutated("00 " + code + " " + nsn);
    texts.add_mutated("011 " + code + " " + nsn);
    texts.add_mutated(code + nsn);
  }
}

std::vector<std::string> supported_regions() {
  std::set<std::string> regions;
  util().GetSupportedRegions(&regions);
  return {regions.begin(), regions.end()};
}

// What the validator asked libphonenumber before veil read its plans.
bool lib_valid_national(const std::string& number, const std::string& region) {
  PhoneNumber parsed;
  if (util().ParseAndKeepRawInput(number, region, &parsed) !=
          PhoneNumberUtil::NO_PARSING_ERROR ||
      !util().IsValidNumber(parsed)) {
    return false;
  }
  if (parsed.country_code_source() == PhoneNumber::FROM_NUMBER_WITH_IDD) {
    return true;
  }
  const PhoneType type = type_of(util().GetNumberType(parsed));
  if (parsed.country_code_source() != PhoneNumber::FROM_DEFAULT_COUNTRY ||
      (type != PhoneType::fixed_line && type != PhoneType::mobile &&
       type != PhoneType::fixed_line_or_mobile && type != PhoneType::voip &&
       type != PhoneType::personal_number)) {
    return false;
  }
  // The rest of the validator's checks work on the national format, which
  // the parse comparison holds to libphonenumber's; ask the validator.
  return is_phone_number(number, {region});
}

// One text parsed with one default region, by both.
void check_parse(const std::string& text, const std::string& region) {
  CAPTURE(text);
  CAPTURE(region);
  CHECK(phone_mismatch(text, region) == "");
}

} // namespace

TEST_SUITE("scanner::phone_number") {

  TEST_CASE("RE2 reads every pattern of every plan") {
    // Compiled lazily in a run, so each is compiled here once.
    const PhonePlans& plans = PhonePlans::get();
    size_t territories = 0;
    size_t patterns = 0;
    const auto count = [&](const LazyPattern& pattern) {
      patterns += pattern.get() != nullptr;
    };
    for (int code = 1; code < 1000; ++code) {
      for (size_t i = 0; i < plans.territory_count(code); ++i) {
        const PhonePlan& plan = plans.territory(code, i);
        CHECK(plan.country_code == code);
        ++territories;
        count(plan.international_prefix);
        count(plan.national_prefix_for_parsing);
        count(plan.leading_digits);
        for (const PhoneNumberDesc& desc : plan.descs) {
          count(desc.pattern);
        }
        for (const PhoneFormat& format : plan.formats) {
          count(format.leading_digits);
          count(format.pattern);
        }
      }
    }
    CHECK(territories == 254);
    CHECK(patterns > 3000);
    CHECK(plans.region("GB") == &plans.territory(44, 0));
    CHECK(plans.region("001") == nullptr);
    CHECK(plans.region("UK") == nullptr);
  }

  TEST_CASE("parse, type and national format agree with libphonenumber") {
    Texts texts(20261129);
    const std::vector<std::string> regions = supported_regions();
    for (const std::string& region : regions) {
      add_examples(texts, region);
    }
    for (int i = 0; i < 6000; ++i) {
      texts.add_random();
    }
    const std::vector<std::string> defaults = default_phone_regions();
    size_t checked = 0;
    for (const std::string& text : texts.all()) {
      // A national text in one of the validator's regions and in any one.
      check_parse(text, defaults[texts.random()() % defaults.size()]);
      check_parse(text, regions[texts.random()() % regions.size()]);
      checked += 2;
    }
    CHECK(checked > 40000);
  }

  TEST_CASE("the validator's verdicts agree with libphonenumber's answers") {
    Texts texts(7);
    for (const std::string& region : default_phone_regions()) {
      add_examples(texts, region);
    }
    for (int i = 0; i < 2000; ++i) {
      texts.add_random();
    }
    size_t valid = 0;
    for (const std::string& text : texts.all()) {
      CAPTURE(text);
      bool expected = false;
      if (text[0] == '+') {
        PhoneNumber number;
        expected = util().Parse(text, "ZZ", &number) ==
                       PhoneNumberUtil::NO_PARSING_ERROR &&
                   util().IsValidNumber(number);
      } else {
        for (const std::string& region : default_phone_regions()) {
          expected = expected || lib_valid_national(text, region);
        }
      }
      CHECK(is_phone_number(text, default_phone_regions()) == expected);
      valid += expected;
    }
    CHECK(valid > 500);
  }
}
