// What the reader produces for one input line: a Record holding the raw bytes
// and the string Fields found in it. A text line is one Field; a JSON line has
// one Field per string value (and per key with --scan-keys). Raw spans point
// into Record::content so the redacted writer can splice replacements in.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace veil {

// Who a text is addressed to: rules may target input (user, tool, retrieved
// text) or output (assistant text). System prompts are neither.
enum class Direction { unknown, input, output, system };

std::string_view to_string(Direction d);

struct Field {
  std::string pointer;    // JSON Pointer of the value; "" for a text line
  uint32_t raw_begin = 0; // token span in Record::content (JSON: with quotes)
  uint32_t raw_end = 0;
  std::string text; // decoded value: what the scanner sees
  std::string role; // "user", "assistant", "system", "tool"... or ""
  Direction direction = Direction::unknown;
  bool is_key = false;  // an object key (--scan-keys)
  bool is_json = false; // raw span is a JSON string token (needs escaping)
};

// A record's fields. Cleared fields stay allocated and the next line's
// fields reuse them, strings and all: most texts and JSON pointers are
// longer than the 15 bytes std::string keeps inline, so a fresh Field per
// string cost two allocations and two frees (malloc and free took 1 in 7
// of a scan's profile samples; 1 in 12 with FieldList).
class FieldList {
public:
  FieldList() = default;
  FieldList(std::initializer_list<Field> fields)
      : m_items(fields), m_size(fields.size()) {}

  // A reset Field at the end.
  Field& add();
  Field& emplace_back() { return add(); }
  void push_back(Field field) { std::swap(add(), field); }
  void clear() { m_size = 0; }
  // Keeps the first n fields (n <= size()).
  void truncate(size_t n) { m_size = n; }
  // Heap bytes the kept fields, used or not, hold.
  size_t retained_bytes() const;

  size_t size() const { return m_size; }
  bool empty() const { return m_size == 0; }
  Field& operator[](size_t i) { return m_items[i]; }
  const Field& operator[](size_t i) const { return m_items[i]; }
  Field* begin() { return m_items.data(); }
  Field* end() { return m_items.data() + m_size; }
  const Field* begin() const { return m_items.data(); }
  const Field* end() const { return m_items.data() + m_size; }

private:
  std::vector<Field> m_items;
  size_t m_size = 0;
};

enum class RecordKind {
  text,         // scanned as one text field
  json,         // parsed; fields are its strings
  invalid_json, // looked like JSON, did not parse: scanned as text
  too_long,     // over --max-line-bytes: not scanned, not written
};

struct Record {
  size_t input_index = 0;      // which input (file) it came from
  uint64_t line = 0;           // 1-based line number in that input
  std::string_view bom;        // UTF-8 BOM written back before content, if any
  std::string_view content;    // the line without BOM and terminator
  std::string_view terminator; // "\n", "\r\n" or ""
  RecordKind kind = RecordKind::text;
  bool invalid_utf8 = false;
  FieldList fields;
  // Objects that carry a "role": (pointer of the object, role value).
  std::vector<std::pair<std::string, std::string>> roles;
  std::string record_id; // value at --id-field, if any
  // Value at --segment-by / --split-by (a tenant id): label numbers and
  // keys are per segment, --split-by writes one file per segment.
  std::string segment;
  bool has_segment = false;
  std::string model_hint; // record fields naming the model/provider (context)
};

} // namespace veil
