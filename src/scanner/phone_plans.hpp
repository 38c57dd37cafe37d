// The world's numbering plans as libphonenumber knows them: its compiled-in
// metadata (the bytes its PhoneNumberUtil reads), each pattern compiled for
// RE2 on its first use (a run needs few of the 3,400). veil answers
// libphonenumber's questions from these itself (phone_number.hpp) because
// libphonenumber runs its patterns through ICU, building a matcher for
// every pattern it applies: 15-60 us a number, where RE2 takes about 1.
#pragma once

#include <re2/re2.h>

#include <array>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace veil {

class LazyPattern {
public:
  LazyPattern() = default; // no pattern
  explicit LazyPattern(std::string_view source);
  // Null when there is no pattern. Throws if RE2 cannot read it.
  const RE2* get() const;

private:
  struct Compiled {
    std::once_flag once;
    std::unique_ptr<const RE2> re;
  };
  std::string_view m_source;
  std::unique_ptr<Compiled> m_compiled; // null: no pattern
};

// The kinds of numbers a plan describes; `general` covers them all.
enum class PhoneDesc {
  general,
  premium_rate,
  toll_free,
  shared_cost,
  voip,
  personal_number,
  pager,
  uan,
  voicemail,
  fixed_line,
  mobile,
};
inline constexpr size_t k_phone_descs = 11;

struct PhoneNumberDesc {
  std::vector<int> lengths; // empty: those of the general desc
  std::vector<int> local_lengths;
  LazyPattern pattern;
};

struct PhoneFormat {
  LazyPattern leading_digits; // none: any number
  LazyPattern pattern;
  // The national format as an RE2 rewrite, its first group already
  // wrapped in the national prefix rule ("0\1 \2 \3").
  std::string national_rewrite;
};

// One territory (a region, or a non-geographic code's entity "001").
struct PhonePlan {
  std::string id;
  int country_code = 0;
  LazyPattern international_prefix;
  LazyPattern national_prefix_for_parsing;
  std::string national_prefix_transform; // RE2 rewrite; empty: none
  LazyPattern leading_digits;
  bool same_mobile_and_fixed_line = false;
  std::array<PhoneNumberDesc, k_phone_descs> descs;
  std::vector<PhoneFormat> formats;

  const PhoneNumberDesc& desc(PhoneDesc kind) const {
    return descs[static_cast<size_t>(kind)];
  }
};

class PhonePlans {
public:
  // Reads libphonenumber's metadata on first use (about 1.5 ms).
  static const PhonePlans& get();

  // The plan of a region code ("GB"), null for one libphonenumber does not
  // support ("UK", "001").
  const PhonePlan* region(std::string_view id) const;
  // How many territories share a country calling code (0: unknown code),
  // and each of them, the code's main territory first.
  size_t territory_count(int country_code) const;
  const PhonePlan& territory(int country_code, size_t index) const;

  PhonePlans();
  ~PhonePlans();
  PhonePlans(const PhonePlans&) = delete;
  PhonePlans& operator=(const PhonePlans&) = delete;

private:
  struct Data;
  std::unique_ptr<Data> m_data;
};

} // namespace veil
