// Named checksum validators that rules refer to with `validator = "name"`.
// Each takes the matched text (separators such as spaces or dashes included)
// and says whether it is a real value. A table maps names to functions.
#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace veil {

using ValidatorFn = bool (*)(std::string_view);

struct ValidatorEntry {
  std::string_view name;
  ValidatorFn fn;
  // ASCII digits every value it accepts holds: a text, window or segment
  // with fewer cannot give a finding of a rule that requires it.
  int min_digits = 0;
};

// The table comes in groups, one file each, so packs grow independently:
// validators.cpp (core), validators_national_ids.cpp,
// validators_global_pii.cpp, validators_secrets.cpp. Names are unique across
// groups.
std::span<const ValidatorEntry> core_validators();
std::span<const ValidatorEntry> national_id_validators();
std::span<const ValidatorEntry> global_pii_validators();
std::span<const ValidatorEntry> secret_validators();

// nullptr when no validator has that name.
ValidatorFn find_validator(std::string_view name);
// Its min_digits, 0 when no validator has that name.
int validator_min_digits(std::string_view name);
std::vector<std::string_view> validator_names();

bool validate_luhn(std::string_view text);
bool validate_iban(std::string_view text);
bool validate_us_ssn(std::string_view text);

} // namespace veil
