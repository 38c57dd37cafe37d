#include "scanner/validators.hpp"

#include "scanner/injection_unicode.hpp"
#include "scanner/output_urls.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace veil {

namespace {

// Sorted by name: validator_names() lists them in this order.
// clang-format off
constexpr std::array<ValidatorEntry, 3> k_validators = {{
  {"iban",   validate_iban},
  {"luhn",   validate_luhn},
  {"us_ssn", validate_us_ssn},
}};
// clang-format on

struct IbanCountry {
  char code[3];
  int length;
};

// Every country of the SWIFT IBAN registry with its total IBAN length
// (country code and check digits included). A well-formed checksum with the
// wrong length for the country is still not an IBAN.
// clang-format off
constexpr IbanCountry k_iban_countries[] = {
  {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20},
  {"BE", 16}, {"BG", 22}, {"BH", 22}, {"BI", 27}, {"BR", 29}, {"BY", 28},
  {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24}, {"DE", 22}, {"DJ", 27},
  {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18},
  {"FK", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GE", 22}, {"GI", 23},
  {"GL", 18}, {"GR", 27}, {"GT", 28}, {"HN", 28}, {"HR", 21}, {"HU", 28},
  {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26}, {"IT", 27}, {"JO", 30},
  {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20},
  {"LU", 20}, {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22},
  {"MK", 19}, {"MN", 20}, {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NI", 28},
  {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24}, {"PL", 28}, {"PS", 29},
  {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24},
  {"SC", 31}, {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27},
  {"SO", 23}, {"ST", 25}, {"SV", 28}, {"TL", 23}, {"TN", 24}, {"TR", 26},
  {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20}, {"YE", 30},
};
// clang-format on

// SSNs that were published and then used by thousands of people (the
// Woolworth wallet card, an SSA advertisement, the LifeLock CEO's) or that
// are the textbook example: real-looking, never a person's.
constexpr std::array<std::string_view, 4> k_fake_ssns = {
    "078051120", "219099999", "457555462", "123456789"};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

char to_upper(char c) {
  return (c >= 'a' && c <= 'z') ? c - 'a' + 'A' : c;
}

int iban_length_for(std::string_view country) {
  for (const IbanCountry& entry : k_iban_countries) {
    if (country == entry.code) {
      return entry.length;
    }
  }
  return 0;
}

// Keeps the digits of text, skipping the separators people type between
// groups; any other byte makes the text invalid (empty result).
std::string digits_only(std::string_view text, std::string_view separators) {
  std::string digits;
  for (char c : text) {
    if (is_digit(c)) {
      digits += c;
    } else if (separators.find(c) == std::string_view::npos) {
      return {};
    }
  }
  return digits;
}

bool all_same(std::string_view text) {
  return !text.empty() &&
         text.find_first_not_of(text.front()) == std::string_view::npos;
}

int to_int(std::string_view digits) {
  int value = 0;
  for (char c : digits) {
    value = value * 10 + (c - '0');
  }
  return value;
}

} // namespace

bool validate_luhn(std::string_view text) {
  const std::string digits = digits_only(text, " -");
  if (digits.size() < 12 || digits.size() > 19 || all_same(digits)) {
    return false;
  }
  int sum = 0;
  bool double_it = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int d = *it - '0';
    if (double_it) {
      d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    }
    sum += d;
    double_it = !double_it;
  }
  return sum % 10 == 0;
}

bool validate_iban(std::string_view text) {
  std::string iban;
  for (char c : text) {
    if (c != ' ') {
      iban += to_upper(c);
    }
  }
  if (iban.size() < 5 || !is_upper(iban[0]) || !is_upper(iban[1]) ||
      !is_digit(iban[2]) || !is_digit(iban[3])) {
    return false;
  }
  if (static_cast<int>(iban.size()) != iban_length_for(iban.substr(0, 2))) {
    return false;
  }
  // ISO 13616: move the first four characters to the end, read letters as
  // 10..35, and the number must be 1 mod 97. Folding digit by digit keeps
  // the remainder small, so no big-number arithmetic is needed.
  std::rotate(iban.begin(), iban.begin() + 4, iban.end());
  int remainder = 0;
  for (char c : iban) {
    if (is_digit(c)) {
      remainder = (remainder * 10 + (c - '0')) % 97;
    } else if (is_upper(c)) {
      remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
    } else {
      return false;
    }
  }
  return remainder == 1;
}

bool validate_us_ssn(std::string_view text) {
  // Either no separators, or the same one in both places: 123-45-6789 or
  // 123 45 6789. "123-45 6789" is more likely two unrelated numbers.
  std::string digits;
  if (text.size() == 9) {
    digits = digits_only(text, "");
  } else if (text.size() == 11 && (text[3] == '-' || text[3] == ' ') &&
             text[6] == text[3]) {
    // With separators at 3 and 6, nine digits fill every other position.
    digits = digits_only(text, text.substr(3, 1));
  }
  if (digits.size() != 9 || all_same(digits)) {
    return false;
  }
  const int area = to_int(digits.substr(0, 3));
  const int group = to_int(digits.substr(3, 2));
  const int serial = to_int(digits.substr(5, 4));
  if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
    return false;
  }
  return std::find(k_fake_ssns.begin(), k_fake_ssns.end(), digits) ==
         k_fake_ssns.end();
}

std::span<const ValidatorEntry> core_validators() {
  return k_validators;
}

namespace {

using Group = std::span<const ValidatorEntry> (*)();
constexpr std::array<Group, 6> k_groups = {
    core_validators,   national_id_validators, global_pii_validators,
    secret_validators, output_validators,      injection_validators};

const ValidatorEntry* find_entry(std::string_view name) {
  for (Group group : k_groups) {
    for (const ValidatorEntry& entry : group()) {
      if (entry.name == name) {
        return &entry;
      }
    }
  }
  return nullptr;
}

} // namespace

ValidatorFn find_validator(std::string_view name) {
  const ValidatorEntry* entry = find_entry(name);
  return entry != nullptr ? entry->fn : nullptr;
}

int validator_min_digits(std::string_view name) {
  const ValidatorEntry* entry = find_entry(name);
  return entry != nullptr ? entry->min_digits : 0;
}

std::vector<std::string_view> validator_names() {
  std::vector<std::string_view> names;
  for (Group group : k_groups) {
    for (const ValidatorEntry& entry : group()) {
      names.push_back(entry.name);
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

} // namespace veil
