// Validators of the national ids group (see validators.hpp): the check
// digits, check letters, date fields and number ranges of identity, tax and
// health numbers. Each accepts the separators its format is written with,
// rejects a run of one repeated digit (a placeholder, not a person), and
// returns false for anything else, so a rule with validator_mode "require"
// reports only numbers that could have been issued.
#include "scanner/validators.hpp"

#include <array>
#include <string>

namespace veil {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

char to_upper(char c) {
  return (c >= 'a' && c <= 'z') ? char(c - 'a' + 'A') : c;
}

int digit(char c) {
  return c - '0';
}

int to_int(std::string_view digits) {
  int value = 0;
  for (char c : digits) {
    value = value * 10 + digit(c);
  }
  return value;
}

bool all_digits(std::string_view text) {
  for (char c : text) {
    if (!is_digit(c)) {
      return false;
    }
  }
  return !text.empty();
}

bool all_same(std::string_view text) {
  return !text.empty() &&
         text.find_first_not_of(text.front()) == std::string_view::npos;
}

// The text without its separators, upper-cased. Empty when a separator is
// not in `separators`, or when `consistent` and two different separators
// occur: "123-456 789" is more likely two numbers side by side than one id.
std::string compact(std::string_view text, std::string_view separators,
                    bool consistent = true) {
  std::string out;
  char seen = 0;
  for (char c : text) {
    const char u = to_upper(c);
    if (is_digit(u) || is_upper(u)) {
      out += u;
      continue;
    }
    if (separators.find(c) == std::string_view::npos) {
      return {};
    }
    if (consistent && seen != 0 && c != seen) {
      return {};
    }
    seen = c;
  }
  return out;
}

// compact() for numbers made of digits only, of exactly `length` digits.
std::string digits_of(std::string_view text, size_t length,
                      std::string_view separators = " -",
                      bool consistent = true) {
  std::string digits = compact(text, separators, consistent);
  if (digits.size() != length || !all_digits(digits) || all_same(digits)) {
    return {};
  }
  return digits;
}

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

bool valid_date(int year, int month, int day) {
  constexpr std::array<int, 12> k_days = {31, 29, 31, 30, 31, 30,
                                          31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > k_days[month - 1]) {
    return false;
  }
  return month != 2 || day < 29 || is_leap(year);
}

// Sum of digit * weight over the first weights.size() digits.
template <size_t N>
int weighted_sum(std::string_view digits, const std::array<int, N>& weights) {
  int sum = 0;
  for (size_t i = 0; i < N; ++i) {
    sum += digit(digits[i]) * weights[i];
  }
  return sum;
}

bool luhn_ok(std::string_view digits) {
  int sum = 0;
  bool double_it = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int d = digit(*it);
    if (double_it) {
      d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    }
    sum += d;
    double_it = !double_it;
  }
  return sum % 10 == 0;
}

// Verhoeff's dihedral-group check (the Aadhaar check digit): catches every
// single-digit error and every swap of neighbours, which Luhn does not.
bool verhoeff_ok(std::string_view digits) {
  // clang-format off
  static constexpr int k_mul[10][10] = {
    {0,1,2,3,4,5,6,7,8,9}, {1,2,3,4,0,6,7,8,9,5}, {2,3,4,0,1,7,8,9,5,6},
    {3,4,0,1,2,8,9,5,6,7}, {4,0,1,2,3,9,5,6,7,8}, {5,9,8,7,6,0,4,3,2,1},
    {6,5,9,8,7,1,0,4,3,2}, {7,6,5,9,8,2,1,0,4,3}, {8,7,6,5,9,3,2,1,0,4},
    {9,8,7,6,5,4,3,2,1,0}};
  static constexpr int k_perm[8][10] = {
    {0,1,2,3,4,5,6,7,8,9}, {1,5,7,6,2,8,3,0,9,4}, {5,8,0,3,7,9,6,1,4,2},
    {8,9,1,6,0,4,3,5,2,7}, {9,4,5,3,1,2,6,8,7,0}, {4,2,8,6,5,7,3,9,0,1},
    {2,7,9,3,8,0,6,4,1,5}, {7,0,4,6,9,1,3,2,5,8}};
  // clang-format on
  int check = 0;
  size_t position = 0;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it, ++position) {
    check = k_mul[check][k_perm[position % 8][digit(*it)]];
  }
  return check == 0;
}

// ---------------------------------------------------------------- Americas

bool validate_us_itin(std::string_view text) {
  const std::string d = digits_of(text, 9);
  if (d.empty() || d[0] != '9') {
    return false;
  }
  // IRS: the fourth and fifth digits are 50-65, 70-88, 90-92 or 94-99.
  const int group = to_int(std::string_view(d).substr(3, 2));
  const bool group_ok = (group >= 50 && group <= 65) ||
                        (group >= 70 && group <= 88) ||
                        (group >= 90 && group <= 92) || group >= 94;
  return group_ok && to_int(std::string_view(d).substr(5, 4)) != 0;
}

bool validate_us_passport(std::string_view text) {
  // Nine digits (books before 2021) or a letter and eight digits (the Next
  // Generation Passport). No check digit outside the MRZ: reject only the
  // values people type as placeholders.
  const std::string value = compact(text, "");
  std::string_view digits = value;
  if (value.size() == 9 && is_upper(value[0])) {
    digits.remove_prefix(1);
  } else if (value.size() != 9) {
    return false;
  }
  return all_digits(digits) && !all_same(digits) && digits != "123456789" &&
         digits != "12345678" && digits != "987654321";
}

bool validate_aba_routing(std::string_view text) {
  const std::string d = digits_of(text, 9, "-");
  if (d.empty()) {
    return false;
  }
  // Federal Reserve routing symbol: 00 (government), 01-12, 21-32 (thrifts),
  // 61-72 (electronic) and 80 (traveler's checks).
  const int prefix = to_int(std::string_view(d).substr(0, 2));
  if (!(prefix <= 12 || (prefix >= 21 && prefix <= 32) ||
        (prefix >= 61 && prefix <= 72) || prefix == 80)) {
    return false;
  }
  constexpr std::array<int, 9> k_weights = {3, 7, 1, 3, 7, 1, 3, 7, 1};
  return weighted_sum(d, k_weights) % 10 == 0;
}

bool validate_ca_sin(std::string_view text) {
  // 0 is never assigned and 8 is not used; 9 marks temporary residents.
  const std::string d = digits_of(text, 9);
  return !d.empty() && d[0] != '0' && d[0] != '8' && luhn_ok(d);
}

bool validate_br_cpf(std::string_view text) {
  // 123.456.789-09: dots and the dash are part of the format.
  const std::string d = digits_of(text, 11, ".- ", false);
  if (d.empty()) {
    return false;
  }
  // Each check digit: sum of digit * (len + 1 - i) times 10, mod 11, mod 10.
  for (size_t len = 9; len <= 10; ++len) {
    int sum = 0;
    for (size_t i = 0; i < len; ++i) {
      sum += digit(d[i]) * int(len + 1 - i);
    }
    if ((sum * 10 % 11) % 10 != digit(d[len])) {
      return false;
    }
  }
  return true;
}

bool validate_br_cnpj(std::string_view text) {
  // 12.345.678/0001-95. Since 2026 the first twelve characters may be
  // letters; each counts as its ASCII code minus 48, so digits are
  // unchanged and the check digits stay numeric.
  const std::string v = compact(text, "./- ", false);
  if (v.size() != 14 || all_same(v) || !is_digit(v[12]) || !is_digit(v[13])) {
    return false;
  }
  constexpr std::array<int, 13> k_weights = {6, 5, 4, 3, 2, 9, 8,
                                             7, 6, 5, 4, 3, 2};
  for (size_t len = 12; len <= 13; ++len) {
    int sum = 0;
    // The first check uses the weights from 5, the second from 6.
    for (size_t i = 0; i < len; ++i) {
      sum += (v[i] - '0') * k_weights[i + 13 - len];
    }
    const int remainder = sum % 11;
    if ((remainder < 2 ? 0 : 11 - remainder) != digit(v[len])) {
      return false;
    }
  }
  return true;
}

int curp_value(char c) {
  // RENAPO's alphabet 0-9, A-N, Ñ, O-Z: letters after N move up by one.
  if (is_digit(c)) {
    return digit(c);
  }
  return c - 'A' + 10 + (c > 'N' ? 1 : 0);
}

bool validate_mx_curp(std::string_view text) {
  const std::string v = compact(text, "");
  if (v.size() != 18 || !is_digit(v[17])) {
    return false;
  }
  // Position 17 tells the century: a digit before 2000, a letter after.
  const int year = (is_digit(v[16]) ? 1900 : 2000) +
                   to_int(std::string_view(v).substr(4, 2));
  if (!all_digits(std::string_view(v).substr(4, 6)) ||
      !valid_date(year, to_int(std::string_view(v).substr(6, 2)),
                  to_int(std::string_view(v).substr(8, 2)))) {
    return false;
  }
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) {
    if (!is_digit(v[i]) && !is_upper(v[i])) {
      return false;
    }
    sum += curp_value(v[i]) * int(18 - i);
  }
  return (10 - sum % 10) % 10 == digit(v[17]);
}

// ------------------------------------------------------------------ Europe

bool validate_uk_nino(std::string_view text) {
  const std::string v = compact(text, " ");
  if (v.size() != 9 || !all_digits(std::string_view(v).substr(2, 6))) {
    return false;
  }
  // HMRC never uses D, F, I, Q, U, V as either letter nor O second, never
  // allocates the listed pairs, and the suffix is A-D.
  constexpr std::string_view k_bad_first = "DFIQUV";
  constexpr std::string_view k_bad_second = "DFIOQUV";
  constexpr std::array<std::string_view, 7> k_bad_pairs = {
      "BG", "GB", "KN", "NK", "NT", "TN", "ZZ"};
  if (!is_upper(v[0]) || !is_upper(v[1]) ||
      k_bad_first.find(v[0]) != std::string_view::npos ||
      k_bad_second.find(v[1]) != std::string_view::npos) {
    return false;
  }
  for (std::string_view pair : k_bad_pairs) {
    if (std::string_view(v).substr(0, 2) == pair) {
      return false;
    }
  }
  return v[8] >= 'A' && v[8] <= 'D';
}

bool validate_uk_nhs(std::string_view text) {
  const std::string d = digits_of(text, 10);
  // England, Wales and the Isle of Man use 4xx and 6xx-7xx, Scotland's CHI
  // 010-311, Northern Ireland 320-399. 5xx and 8xx are not issued and 999
  // is the test range: they name nobody.
  if (d.empty() || d[0] == '5' || d[0] == '8' || d[0] == '9') {
    return false;
  }
  constexpr std::array<int, 9> k_weights = {10, 9, 8, 7, 6, 5, 4, 3, 2};
  const int check = 11 - weighted_sum(d, k_weights) % 11;
  if (check == 10) {
    return false;
  }
  return (check == 11 ? 0 : check) == digit(d[9]);
}

bool validate_de_tax_id(std::string_view text) {
  const std::string d = digits_of(text, 11, " ");
  if (d.empty() || d[0] == '0') {
    return false;
  }
  // In the first ten digits exactly one digit repeats, twice or (since
  // 2016) three times but never three in a row; every other digit at most
  // once.
  std::array<int, 10> counts{};
  for (size_t i = 0; i < 10; ++i) {
    ++counts[digit(d[i])];
  }
  int repeated = 0;
  int repeated_digit = -1;
  for (int i = 0; i < 10; ++i) {
    if (counts[i] > 3) {
      return false;
    }
    if (counts[i] > 1) {
      ++repeated;
      repeated_digit = i;
    }
  }
  if (repeated != 1) {
    return false;
  }
  if (counts[repeated_digit] == 3) {
    for (size_t i = 0; i + 2 < 10; ++i) {
      if (d[i] == d[i + 1] && d[i] == d[i + 2]) {
        return false;
      }
    }
  }
  // ISO 7064 MOD 11,10.
  int product = 10;
  for (size_t i = 0; i < 10; ++i) {
    int sum = (digit(d[i]) + product) % 10;
    if (sum == 0) {
      sum = 10;
    }
    product = sum * 2 % 11;
  }
  const int check = 11 - product;
  return (check == 10 ? 0 : check) == digit(d[10]);
}

bool validate_fr_nir(std::string_view text) {
  // Sex, year, month, department (2A/2B for Corsica), commune, birth order,
  // key: 1 85 05 78 006 084 36.
  const std::string v = compact(text, " .", false);
  if (v.size() != 15) {
    return false;
  }
  std::string number = v.substr(0, 13);
  // Corsica's letters count as 19 (2A) and 18 (2B) for the key.
  if (number[5] == '2' && (number[6] == 'A' || number[6] == 'B')) {
    number[5] = '1';
    number[6] = number[6] == 'A' ? '9' : '8';
  }
  if (!all_digits(number) || !all_digits(std::string_view(v).substr(13))) {
    return false;
  }
  // 1/2 men/women, 3/4 foreigners being registered, 7/8 temporary numbers.
  if (std::string_view("123478").find(v[0]) == std::string_view::npos) {
    return false;
  }
  // Months 20 and above are used when the birth month is unknown.
  const int month = to_int(std::string_view(v).substr(3, 2));
  if (month == 0 || (month > 12 && month < 20)) {
    return false;
  }
  if (v.compare(5, 2, "00") == 0 || v.compare(7, 3, "000") == 0 ||
      v.compare(10, 3, "000") == 0) {
    return false;
  }
  long long n = 0;
  for (char c : number) {
    n = n * 10 + digit(c);
  }
  return 97 - n % 97 == to_int(std::string_view(v).substr(13, 2));
}

constexpr std::string_view k_dni_letters = "TRWAGMYFPDXBNJZSQVHLCKE";

bool validate_es_nif(std::string_view text) {
  // DNI: eight digits and a letter, 12345678-Z or 12.345.678-Z.
  const std::string v = compact(text, ".- ", false);
  if (v.size() != 9 || !is_upper(v[8])) {
    return false;
  }
  const std::string_view number = std::string_view(v).substr(0, 8);
  if (!all_digits(number) || all_same(number)) {
    return false;
  }
  return k_dni_letters[to_int(number) % 23] == v[8];
}

bool validate_es_nie(std::string_view text) {
  // Foreigners: X, Y or Z (standing for 0, 1, 2), seven digits, a letter.
  const std::string v = compact(text, "- ", false);
  if (v.size() != 9 || v[0] < 'X' || v[0] > 'Z' || !is_upper(v[8])) {
    return false;
  }
  const std::string_view number = std::string_view(v).substr(1, 7);
  if (!all_digits(number) || all_same(number)) {
    return false;
  }
  const int value = (v[0] - 'X') * 10000000 + to_int(number);
  return k_dni_letters[value % 23] == v[8];
}

bool validate_it_fiscal_code(std::string_view text) {
  std::string v = compact(text, "");
  if (v.size() != 16) {
    return false;
  }
  // Odd positions (1st, 3rd...) map through this table, even ones count
  // digits and letters as 0-9 and 0-25.
  constexpr std::array<int, 26> k_odd = {1,  0,  5,  7,  9,  13, 15, 17, 19,
                                         21, 2,  4,  18, 20, 11, 3,  6,  8,
                                         12, 14, 16, 10, 22, 25, 24, 23};
  int sum = 0;
  for (size_t i = 0; i < 15; ++i) {
    const char c = v[i];
    if (!is_digit(c) && !is_upper(c)) {
      return false;
    }
    const int index = is_digit(c) ? digit(c) : c - 'A';
    sum += i % 2 == 0 ? k_odd[index] : index;
  }
  if (v[15] != 'A' + sum % 26) {
    return false;
  }
  // Homonyms get letters for digits (omocodia: L=0 ... V=9) in the digit
  // positions; decode them to check the birth date.
  constexpr std::string_view k_omocodia = "LMNPQRSTUV";
  for (size_t i : {6, 7, 9, 10, 12, 13, 14}) {
    const size_t pos = k_omocodia.find(v[i]);
    if (pos != std::string_view::npos) {
      v[i] = char('0' + pos);
    }
    if (!is_digit(v[i])) {
      return false;
    }
  }
  constexpr std::string_view k_months = "ABCDEHLMPRST";
  const size_t month = k_months.find(v[8]);
  // Women's birth days are written plus 40. The year's century is unknown,
  // so 29 February is allowed.
  int day = to_int(std::string_view(v).substr(9, 2));
  day = day > 40 ? day - 40 : day;
  return month != std::string_view::npos &&
         valid_date(2000, int(month) + 1, day);
}

bool validate_nl_bsn(std::string_view text) {
  // The "11-proef": 9*d1 + 8*d2 + ... + 2*d8 - d9 is a multiple of 11.
  const std::string d = digits_of(text, 9, " .-");
  if (d.empty()) {
    return false;
  }
  constexpr std::array<int, 9> k_weights = {9, 8, 7, 6, 5, 4, 3, 2, -1};
  return weighted_sum(d, k_weights) % 11 == 0;
}

bool validate_pl_pesel(std::string_view text) {
  const std::string d = digits_of(text, 11, "");
  if (d.empty()) {
    return false;
  }
  // The month carries the century: +80 for 1800s, +0, +20, +40, +60.
  int month = to_int(std::string_view(d).substr(2, 2));
  const int century_index = month / 20;
  constexpr std::array<int, 5> k_centuries = {1900, 2000, 2100, 2200, 1800};
  if (century_index > 4) {
    return false;
  }
  month %= 20;
  const int year =
      k_centuries[century_index] + to_int(std::string_view(d).substr(0, 2));
  if (!valid_date(year, month, to_int(std::string_view(d).substr(4, 2)))) {
    return false;
  }
  constexpr std::array<int, 10> k_weights = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
  return (10 - weighted_sum(d, k_weights) % 10) % 10 == digit(d[10]);
}

bool validate_se_personnummer(std::string_view text) {
  // YYMMDD-NNNC, YYMMDD+NNNC (100 years or older), or with the century:
  // YYYYMMDD-NNNC. The Luhn check covers the ten digits without century.
  const std::string v = compact(text, "-+");
  if ((v.size() != 10 && v.size() != 12) || !all_digits(v) || all_same(v)) {
    return false;
  }
  const size_t separator = text.find_first_of("-+");
  const size_t date_length = v.size() - 4;
  if (separator != std::string_view::npos && separator != date_length) {
    return false;
  }
  int year = 2000 + to_int(std::string_view(v).substr(date_length - 6, 2));
  if (v.size() == 12) {
    year = to_int(std::string_view(v).substr(0, 4));
    if (year < 1800 || year > 2099) {
      return false;
    }
  }
  // Coordination numbers (samordningsnummer) add 60 to the day.
  int day = to_int(std::string_view(v).substr(date_length - 2, 2));
  day = day > 60 ? day - 60 : day;
  if (!valid_date(year, to_int(std::string_view(v).substr(date_length - 4, 2)),
                  day)) {
    return false;
  }
  return luhn_ok(std::string_view(v).substr(v.size() - 10));
}

bool validate_fi_hetu(std::string_view text) {
  // DDMMYY, a century sign, a three-digit individual number, a check
  // character: 131052-308T.
  if (text.size() != 11) {
    return false;
  }
  const std::string_view date = text.substr(0, 6);
  const std::string_view individual = text.substr(7, 3);
  if (!all_digits(date) || !all_digits(individual)) {
    return false;
  }
  int century = 0;
  const char sign = to_upper(text[6]);
  if (sign == '+') {
    century = 1800;
  } else if (sign == '-' || (sign >= 'U' && sign <= 'Y')) {
    century = 1900;
  } else if (sign >= 'A' && sign <= 'F') {
    century = 2000;
  } else {
    return false;
  }
  if (!valid_date(century + to_int(date.substr(4, 2)),
                  to_int(date.substr(2, 2)), to_int(date.substr(0, 2)))) {
    return false;
  }
  // 002-899 for residents, 900-999 temporary; 000 and 001 are never used.
  const int number = to_int(individual);
  if (number < 2) {
    return false;
  }
  constexpr std::string_view k_checks = "0123456789ABCDEFHJKLMNPRSTUVWXY";
  const long value = long(to_int(date)) * 1000 + number;
  return k_checks[value % 31] == to_upper(text[10]);
}

// ------------------------------------------------------------ Asia-Pacific

bool validate_in_aadhaar(std::string_view text) {
  // 0 and 1 never start an Aadhaar number.
  const std::string d = digits_of(text, 12);
  return !d.empty() && d[0] >= '2' && verhoeff_ok(d);
}

bool validate_verhoeff(std::string_view text) {
  const std::string d = compact(text, " -");
  return d.size() >= 2 && all_digits(d) && !all_same(d) && verhoeff_ok(d);
}

bool validate_in_pan(std::string_view text) {
  // AAAPA1234A: the fourth letter is the holder's type (P a person, C a
  // company, H a Hindu undivided family, F a firm...).
  const std::string v = compact(text, "");
  if (v.size() != 10) {
    return false;
  }
  for (size_t i : {0, 1, 2, 3, 4, 9}) {
    if (!is_upper(v[i])) {
      return false;
    }
  }
  const std::string_view number = std::string_view(v).substr(5, 4);
  return std::string_view("ABCFGHJLPT").find(v[3]) != std::string_view::npos &&
         all_digits(number) && number != "0000";
}

bool validate_cn_resident_id(std::string_view text) {
  const std::string v = compact(text, "");
  if (v.size() != 18 || !all_digits(std::string_view(v).substr(0, 17))) {
    return false;
  }
  // The first two digits are a province (or Taiwan, Hong Kong, Macau).
  constexpr std::array<int, 35> k_provinces = {
      11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43,
      44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83};
  const int province = to_int(std::string_view(v).substr(0, 2));
  bool known = false;
  for (int p : k_provinces) {
    known = known || p == province;
  }
  const int year = to_int(std::string_view(v).substr(6, 4));
  if (!known || year < 1900 || year > 2099 ||
      !valid_date(year, to_int(std::string_view(v).substr(10, 2)),
                  to_int(std::string_view(v).substr(12, 2)))) {
    return false;
  }
  // ISO 7064 MOD 11-2: weights 2^(17-i) mod 11; a result of 10 is X.
  constexpr std::array<int, 17> k_weights = {7, 9, 10, 5,  8, 4, 2, 1, 6,
                                             3, 7, 9,  10, 5, 8, 4, 2};
  constexpr std::string_view k_checks = "10X98765432";
  return k_checks[weighted_sum(v, k_weights) % 11] == v[17];
}

bool validate_jp_my_number(std::string_view text) {
  const std::string d = digits_of(text, 12);
  if (d.empty()) {
    return false;
  }
  constexpr std::array<int, 11> k_weights = {6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
  const int remainder = weighted_sum(d, k_weights) % 11;
  return (remainder <= 1 ? 0 : 11 - remainder) == digit(d[11]);
}

bool validate_kr_rrn(std::string_view text) {
  // YYMMDD-GNNNNNC. G gives sex and century: 9/0 1800s, 1/2 1900s, 3/4
  // 2000s; 5-8 the same for foreigners (FRN).
  const std::string d = digits_of(text, 13, "-");
  if (d.empty() || (text.size() == 14 && text[6] != '-')) {
    return false;
  }
  constexpr std::array<int, 10> k_centuries = {1800, 1900, 1900, 2000, 2000,
                                               1900, 1900, 2000, 2000, 1800};
  const int year =
      k_centuries[digit(d[6])] + to_int(std::string_view(d).substr(0, 2));
  const int month = to_int(std::string_view(d).substr(2, 2));
  if (!valid_date(year, month, to_int(std::string_view(d).substr(4, 2)))) {
    return false;
  }
  constexpr std::array<int, 12> k_weights = {2, 3, 4, 5, 6, 7,
                                             8, 9, 2, 3, 4, 5};
  if ((11 - weighted_sum(d, k_weights) % 11) % 10 == digit(d[12])) {
    return true;
  }
  // Numbers issued since October 2020 end in random digits with no check,
  // so for people born since then the date is all there is to test.
  return year * 100 + month >= 202010;
}

bool validate_sg_nric_fin(std::string_view text) {
  const std::string v = compact(text, "");
  if (v.size() != 9 || !all_digits(std::string_view(v).substr(1, 7))) {
    return false;
  }
  constexpr std::array<int, 7> k_weights = {2, 7, 6, 5, 4, 3, 2};
  int sum = weighted_sum(std::string_view(v).substr(1), k_weights);
  // S/T citizens and PRs (T from 2000), F/G foreigners, M foreigners from
  // 2022; T and G add 4, M adds 3, and each family has its letter table.
  const char prefix = v[0];
  if (prefix == 'T' || prefix == 'G') {
    sum += 4;
  } else if (prefix == 'M') {
    sum += 3;
  }
  const int remainder = sum % 11;
  switch (prefix) {
  case 'S':
  case 'T':
    return "JZIHGFEDCBA"[remainder] == v[8];
  case 'F':
  case 'G':
    return "XWUTRQPNMLK"[remainder] == v[8];
  case 'M':
    return "KLJNPQRTUWX"[10 - remainder] == v[8];
  default:
    return false;
  }
}

bool validate_au_tfn(std::string_view text) {
  const std::string d = digits_of(text, 9);
  constexpr std::array<int, 9> k_weights = {1, 4, 3, 7, 5, 8, 6, 9, 10};
  return !d.empty() && weighted_sum(d, k_weights) % 11 == 0;
}

bool validate_au_abn(std::string_view text) {
  // Subtract 1 from the first digit; the weighted sum is a multiple of 89.
  const std::string d = digits_of(text, 11, " ");
  if (d.empty() || d[0] == '0') {
    return false;
  }
  constexpr std::array<int, 11> k_weights = {10, 1,  3,  5,  7, 9,
                                             11, 13, 15, 17, 19};
  return (weighted_sum(d, k_weights) - 10) % 89 == 0;
}

bool validate_au_medicare(std::string_view text) {
  // Eight digits starting 2-6, a check digit, the card's issue number and
  // optionally the person's position on the card (IRN): 2123 45670 1.
  const std::string d = compact(text, " -/", false);
  if ((d.size() != 10 && d.size() != 11) || !all_digits(d) || all_same(d)) {
    return false;
  }
  if (d[0] < '2' || d[0] > '6' || d[9] == '0' ||
      (d.size() == 11 && d[10] == '0')) {
    return false;
  }
  constexpr std::array<int, 8> k_weights = {1, 3, 7, 9, 1, 3, 7, 9};
  return weighted_sum(d, k_weights) % 10 == digit(d[8]);
}

// Sorted by name: validator_names() sorts the union of all groups anyway,
// but a sorted table is easier to read.
// clang-format off
constexpr std::array<ValidatorEntry, 28> k_validators = {{
  {"aba_routing",      validate_aba_routing},
  {"au_abn",           validate_au_abn},
  {"au_medicare",      validate_au_medicare},
  {"au_tfn",           validate_au_tfn},
  {"br_cnpj",          validate_br_cnpj},
  {"br_cpf",           validate_br_cpf},
  {"ca_sin",           validate_ca_sin},
  {"cn_resident_id",   validate_cn_resident_id},
  {"de_tax_id",        validate_de_tax_id},
  {"es_nie",           validate_es_nie},
  {"es_nif",           validate_es_nif},
  {"fi_hetu",          validate_fi_hetu},
  {"fr_nir",           validate_fr_nir},
  {"in_aadhaar",       validate_in_aadhaar},
  {"in_pan",           validate_in_pan},
  {"it_fiscal_code",   validate_it_fiscal_code},
  {"jp_my_number",     validate_jp_my_number},
  {"kr_rrn",           validate_kr_rrn},
  {"mx_curp",          validate_mx_curp},
  {"nl_bsn",           validate_nl_bsn},
  {"pl_pesel",         validate_pl_pesel},
  {"se_personnummer",  validate_se_personnummer},
  {"sg_nric_fin",      validate_sg_nric_fin},
  {"uk_nhs",           validate_uk_nhs},
  {"uk_nino",          validate_uk_nino},
  {"us_itin",          validate_us_itin},
  {"us_passport",      validate_us_passport},
  {"verhoeff",         validate_verhoeff},
}};
// clang-format on

} // namespace

std::span<const ValidatorEntry> national_id_validators() {
  return k_validators;
}

} // namespace veil
