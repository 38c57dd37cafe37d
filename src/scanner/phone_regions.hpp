// Phone numbers are validated as libphonenumber would, from its numbering
// plans (phone_number.hpp). A number written with "+" and a country code
// needs nothing else; a national number ("020 7946
// 0958") is tried against region hints in turn and is a phone when it is
// valid in one of them. The CLI passes `--region` through set_phone_regions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace veil {

// US, GB, DE, FR, IN, CN, JP, BR, ES, IT: the languages our packs speak.
std::vector<std::string> default_phone_regions();

// Replaces the hints (ISO 3166 codes, any case); an empty list restores the
// default. Safe to call while other threads validate.
void set_phone_regions(std::vector<std::string> regions);
std::vector<std::string> phone_regions();

// Whether libphonenumber knows the region ("GB" yes, "UK" no), so a typo
// in --region can be reported instead of silently matching nothing.
bool is_phone_region(std::string_view region);

// The "phone" validator: the shape of a phone (7 to 15 digits, separators
// people type, not a date, an IPv4 address or an SSN), then
// is_phone_number with the region hints.
bool validate_phone(std::string_view text);

// libphonenumber's IsValidNumber for a "+" number; for a national one, that
// it is valid in one of `regions` and written as that region writes it.
// `text` has a phone's shape: digits, " .-/", brackets, a leading "+".
bool is_phone_number(std::string_view text,
                     const std::vector<std::string>& regions);

} // namespace veil
