// Walks one JSON line with simdjson ondemand and collects every string value
// (and, with --scan-keys, every key) as a Field with its JSON Pointer, its
// decoded text and the raw span of its token in the line. Also picks up the
// record id (--id-field) and model/provider hints used as rule context.
#pragma once

#include "core/record.hpp"
#include "reader/reader_options.hpp"

#include <simdjson.h>

#include <string>
#include <vector>

namespace veil {

enum class JsonOutcome { ok, invalid_json, invalid_utf8 };

class JsonlReader {
public:
  explicit JsonlReader(const ReaderOptions& options);
  // On anything but ok, record.fields is left partial: the caller resets it.
  JsonOutcome read(Record& record);

private:
  simdjson::error_code walk_root(simdjson::ondemand::document& doc,
                                 simdjson::ondemand::json_type type);
  simdjson::error_code walk(simdjson::ondemand::value value, size_t depth);
  simdjson::error_code walk_object(simdjson::ondemand::object object,
                                   size_t depth);
  simdjson::error_code walk_array(simdjson::ondemand::array array,
                                  size_t depth);
  simdjson::error_code visit_string(simdjson::ondemand::value value);
  void add_string(std::string_view raw, std::string_view text);
  void add_key(const char* open, std::string_view key);
  // A field's text: a view of the record's content when the string token
  // (with its quotes) holds no escape, else a copy the record keeps.
  std::string_view content_or_kept(std::string_view token,
                                   std::string_view text) const;
  uint32_t offset_of(const char* p) const;

  const ReaderOptions& m_options;
  simdjson::ondemand::parser m_parser;
  std::string m_buffer;         // the line plus simdjson's padding, when copied
  const char* m_base = nullptr; // the content parsed: the line or m_buffer
  std::string m_pointer;        // pointer of the value being visited
  Record* m_record = nullptr;
};

} // namespace veil
