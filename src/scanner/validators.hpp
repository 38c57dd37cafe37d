// Named checksum validators that rules refer to with `validator = "name"`.
// Each takes the matched text (separators such as spaces or dashes included)
// and says whether it is a real value. A table maps names to functions.
#pragma once

#include <string_view>
#include <vector>

namespace veil {

using ValidatorFn = bool (*)(std::string_view);

// nullptr when no validator has that name.
ValidatorFn find_validator(std::string_view name);
std::vector<std::string_view> validator_names();

bool validate_luhn(std::string_view text);
bool validate_iban(std::string_view text);
bool validate_us_ssn(std::string_view text);

} // namespace veil
