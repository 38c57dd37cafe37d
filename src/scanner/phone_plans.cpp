#include "scanner/phone_plans.hpp"

#include <deque>
#include <mutex>
#include <phonenumbers/phonemetadata.pb.h>
#include <stdexcept>
#include <unordered_map>
#include <vector>

namespace i18n::phonenumbers {
// The compiled-in metadata. libphonenumber exports these but does not
// install their header (metadata.h).
int metadata_size();
const void* metadata_get();
} // namespace i18n::phonenumbers

namespace veil {

namespace {

using Metadata = i18n::phonenumbers::PhoneMetadata;

constexpr int k_country_codes = 1000;

bool is_group_reference(std::string_view rule, size_t i) {
  return rule[i] == '$' && i + 1 < rule.size() && rule[i + 1] >= '0' &&
         rule[i + 1] <= '9';
}

// libphonenumber's rules name groups "$1"; RE2's rewrites "\1".
std::string re2_rewrite(std::string_view rule) {
  std::string out;
  for (size_t i = 0; i < rule.size(); ++i) {
    if (rule[i] == '\\') {
      out += '\\';
    }
    out += is_group_reference(rule, i) ? '\\' : rule[i];
  }
  return out;
}

// Format() in NATIONAL: the format's first group reference is wrapped in
// the national prefix rule, whose "$1" stands for that reference.
std::string national_rewrite(const i18n::phonenumbers::NumberFormat& format) {
  std::string rule = format.format();
  const std::string& prefix_rule = format.national_prefix_formatting_rule();
  size_t group = 0;
  while (group < rule.size() && !is_group_reference(rule, group)) {
    ++group;
  }
  if (!prefix_rule.empty() && group < rule.size()) {
    const std::string reference = rule.substr(group, 2);
    std::string wrapped;
    for (size_t i = 0; i < prefix_rule.size(); ++i) {
      const bool first = prefix_rule.compare(i, 2, "$1") == 0;
      wrapped += first ? reference : prefix_rule.substr(i, 1);
      i += first ? 1 : 0;
    }
    rule.replace(group, 2, wrapped);
  }
  return re2_rewrite(rule);
}

// An empty pattern is none, as libphonenumber's matcher takes it.
LazyPattern unless_empty(const std::string& pattern) {
  return pattern.empty() ? LazyPattern() : LazyPattern(pattern);
}

PhoneNumberDesc read_desc(const i18n::phonenumbers::PhoneNumberDesc& d) {
  PhoneNumberDesc desc;
  desc.lengths.assign(d.possible_length().begin(), d.possible_length().end());
  desc.local_lengths.assign(d.possible_length_local_only().begin(),
                            d.possible_length_local_only().end());
  desc.pattern = unless_empty(d.national_number_pattern());
  return desc;
}

void read_plan(const Metadata& m, PhonePlan& plan) {
  plan.id = m.id();
  plan.country_code = m.country_code();
  plan.international_prefix = LazyPattern(m.international_prefix());
  plan.national_prefix_for_parsing =
      unless_empty(m.national_prefix_for_parsing());
  plan.national_prefix_transform =
      re2_rewrite(m.national_prefix_transform_rule());
  if (m.has_leading_digits()) {
    plan.leading_digits = LazyPattern(m.leading_digits());
  }
  plan.same_mobile_and_fixed_line = m.same_mobile_and_fixed_line_pattern();
  const i18n::phonenumbers::PhoneNumberDesc* descs[k_phone_descs] = {
      &m.general_desc(), &m.premium_rate(),    &m.toll_free(), &m.shared_cost(),
      &m.voip(),         &m.personal_number(), &m.pager(),     &m.uan(),
      &m.voicemail(),    &m.fixed_line(),      &m.mobile()};
  for (size_t i = 0; i < k_phone_descs; ++i) {
    plan.descs[i] = read_desc(*descs[i]);
  }
  for (const auto& format : m.number_format()) {
    PhoneFormat& read = plan.formats.emplace_back();
    const int leading = format.leading_digits_pattern_size();
    if (leading > 0) {
      // libphonenumber uses the last, most detailed one.
      read.leading_digits =
          LazyPattern(format.leading_digits_pattern(leading - 1));
    }
    read.pattern = LazyPattern(format.pattern());
    read.national_rewrite = national_rewrite(format);
  }
}

} // namespace

LazyPattern::LazyPattern(std::string_view source)
    : m_source(source), m_compiled(std::make_unique<Compiled>()) {}

const RE2* LazyPattern::get() const {
  if (!m_compiled) {
    return nullptr;
  }
  std::call_once(m_compiled->once, [this] {
    RE2::Options options;
    options.set_log_errors(false);
    auto re = std::make_unique<const RE2>(
        re2::StringPiece(m_source.data(), m_source.size()), options);
    if (!re->ok()) {
      throw std::runtime_error("a libphonenumber pattern RE2 cannot read: " +
                               re->error());
    }
    m_compiled->re = std::move(re);
  });
  return m_compiled->re.get();
}

struct PhonePlans::Data {
  // The patterns' text stays here; the plans point into it.
  i18n::phonenumbers::PhoneMetadataCollection collection;
  std::deque<PhonePlan> plans;
  std::unordered_map<std::string_view, const PhonePlan*> regions;
  // By country code (one to three digits): asked several times a number.
  std::vector<std::deque<const PhonePlan*>> codes =
      std::vector<std::deque<const PhonePlan*>>(k_country_codes);
};

PhonePlans::PhonePlans() : m_data(std::make_unique<Data>()) {
  Data& d = *m_data;
  if (!d.collection.ParseFromArray(i18n::phonenumbers::metadata_get(),
                                   i18n::phonenumbers::metadata_size())) {
    throw std::runtime_error("libphonenumber's metadata could not be read");
  }
  for (const Metadata& m : d.collection.metadata()) {
    if (m.id() == "ZZ") {
      continue;
    }
    PhonePlan* t = &d.plans.emplace_back();
    read_plan(m, *t);
    if (m.id() != "001") {
      d.regions.emplace(m.id(), t);
    }
    if (m.country_code() <= 0 || m.country_code() >= k_country_codes) {
      throw std::runtime_error("libphonenumber's metadata has a country code "
                               "of more than three digits");
    }
    auto& list = d.codes[size_t(m.country_code())];
    // As libphonenumber lists a code's regions: the main one first, the
    // others in the metadata's order.
    if (m.main_country_for_code() && !list.empty()) {
      list.push_front(t);
    } else {
      list.push_back(t);
    }
  }
}

PhonePlans::~PhonePlans() = default;

const PhonePlans& PhonePlans::get() {
  static const PhonePlans plans;
  return plans;
}

const PhonePlan* PhonePlans::region(std::string_view id) const {
  const auto it = m_data->regions.find(id);
  return it == m_data->regions.end() ? nullptr : it->second;
}

size_t PhonePlans::territory_count(int country_code) const {
  return country_code > 0 && country_code < k_country_codes
             ? m_data->codes[size_t(country_code)].size()
             : 0;
}

const PhonePlan& PhonePlans::territory(int country_code, size_t index) const {
  return *m_data->codes.at(size_t(country_code)).at(index);
}

} // namespace veil
