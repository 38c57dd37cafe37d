// Helpers for the reader tests: read one line from a string and look at its
// fields as (pointer, raw token, decoded text) triples.
#pragma once

#include "core/record.hpp"
#include "reader/reader_options.hpp"
#include "reader/record_reader.hpp"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace veil::test {

// One field as the tests compare it: the raw token is cut out of the line
// with raw_begin/raw_end, so a wrong span shows up as a wrong token.
struct FieldView {
  std::string pointer;
  std::string token;
  std::string text;
  bool is_key = false;

  bool operator==(const FieldView&) const = default;
};

inline std::ostream& operator<<(std::ostream& os, const FieldView& f) {
  return os << "{" << f.pointer << " token=[" << f.token << "] text=[" << f.text
            << "]" << (f.is_key ? " key" : "") << "}";
}

inline std::ostream& operator<<(std::ostream& os,
                                const std::vector<FieldView>& fields) {
  for (const FieldView& f : fields) {
    os << f << ' ';
  }
  return os;
}

inline std::vector<FieldView> views(const Record& record) {
  std::vector<FieldView> out;
  for (const Field& f : record.fields) {
    std::string token =
        f.raw_end >= f.raw_begin && f.raw_end <= record.content.size()
            ? std::string(
                  record.content.substr(f.raw_begin, f.raw_end - f.raw_begin))
            : std::string("<span out of range>");
    out.push_back(FieldView{std::string(f.pointer), token, std::string(f.text),
                            f.is_key});
  }
  return out;
}

// content must outlive the returned Record (it holds views into it).
inline Record read_line(std::string_view content,
                        const ReaderOptions& options = {}) {
  RecordReader reader(options);
  Record record;
  record.line = 1;
  record.content = content;
  reader.read(record);
  return record;
}

inline ReaderOptions with_fields(std::initializer_list<std::string_view> ptrs) {
  ReaderOptions options;
  for (std::string_view p : ptrs) {
    options.fields.emplace_back(p);
  }
  return options;
}

} // namespace veil::test
