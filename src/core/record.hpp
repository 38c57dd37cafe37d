// What the reader produces for one input line: a Record holding the raw bytes
// and the string Fields found in it. A text line is one Field; a JSON line has
// one Field per string value (and per key with --scan-keys). Raw spans point
// into Record::content so the redacted writer can splice replacements in.
#pragma once

#include "core/line_piece.hpp"

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace veil {

class JsonStream;

// Who a text is addressed to: rules may target input (user, tool, retrieved
// text) or output (assistant text). System prompts are neither.
enum class Direction { unknown, input, output, system };

std::string_view to_string(Direction d);

struct Field {
  // JSON Pointer of the value; "" for a text line. Like text, a view of
  // the arena Record::fields keeps texts in (its own or its batch's) or
  // (tests) of a string that outlives it. Never a null view: std::string
  // and the algorithms take one for undefined.
  std::string_view pointer = "";
  uint32_t raw_begin = 0; // token span in Record::content (JSON: with quotes)
  uint32_t raw_end = 0;
  // Decoded value: what the scanner sees. A view of Record::content, of
  // Record::fields' arena, or (tests) of a string that outlives it.
  std::string_view text = "";
  std::string role; // "user", "assistant", "system", "tool"... or ""
  Direction direction = Direction::unknown;
  bool is_key = false;  // an object key (--scan-keys)
  bool is_json = false; // raw span is a JSON string token (needs escaping)
  // A piece of a line (LinePiece) may hold part of a string: the raw span
  // then lacks the opening quote (cut_start) or the closing one,
  // and text begins decoded_from bytes into the whole decoded string.
  bool cut_start = false;
  uint64_t decoded_from = 0;
};

// Copies of text that stay in place until clear(): decoded field texts
// and JSON Pointers. Cleared blocks stay allocated for the next texts.
class TextArena {
public:
  static constexpr size_t k_block_bytes = 4096;

  // Blocks of at least min_block bytes: an arena that many records share
  // would otherwise make one per line.
  explicit TextArena(size_t min_block = 0) : m_min_block(min_block) {}

  // A new block holds block_bytes (min_block if more), or text if larger.
  std::string_view keep(std::string_view text,
                        size_t block_bytes = k_block_bytes);
  void clear();
  // Bytes the blocks hold, used or not.
  size_t retained_bytes() const { return m_bytes; }

private:
  struct Block {
    std::unique_ptr<char[]> bytes;
    size_t size = 0;
    size_t capacity = 0;
  };
  size_t m_min_block;
  std::vector<Block> m_blocks; // filled in turn
  size_t m_block = 0;
  size_t m_bytes = 0;
};

// A record's fields, their JSON pointers and the decoded texts of those
// whose JSON string has escapes (the other texts are views of
// Record::content), in an arena of its own or one it shares (a batch's).
// Cleared fields and blocks stay allocated for the next line: a fresh
// Field, pointer and text per string cost allocations and frees that took
// 1 in 7 of a scan's profile samples. Not copyable: copied fields would
// still view this list's blocks.
class FieldList {
public:
  FieldList() = default;
  FieldList(std::initializer_list<Field> fields)
      : m_items(fields), m_size(fields.size()) {}
  FieldList(FieldList&& other) noexcept { *this = std::move(other); }
  FieldList& operator=(FieldList&& other) noexcept {
    m_items = std::move(other.m_items);
    m_size = std::exchange(other.m_size, 0);
    m_own = std::move(other.m_own);
    m_shared = std::exchange(other.m_shared, nullptr);
    return *this;
  }

  // A reset Field at the end, with a kept copy of this pointer.
  Field& add(std::string_view pointer = {},
             size_t block_bytes = TextArena::k_block_bytes);
  void push_back(Field field) { std::swap(add(), field); }
  // A copy of text that stays in place until clear() (a field's text), or
  // until the shared arena is cleared.
  // A new block holds block_bytes, or text if larger: the reader gives the
  // line's length, which most lines' pointers and decoded texts fit in.
  std::string_view keep(std::string_view text,
                        size_t block_bytes = TextArena::k_block_bytes) {
    return (m_shared != nullptr ? *m_shared : m_own).keep(text, block_bytes);
  }
  // From now on, kept texts go to `arena`, which its owner clears once no
  // field views them (nullptr: to this list's own blocks again).
  void share_texts(TextArena* arena) { m_shared = arena; }
  void clear();
  // Keeps the first n fields (n <= size()).
  void truncate(size_t n) { m_size = n; }
  // Bytes the kept fields and own blocks hold, used or not (a reused field
  // lets go of a long role).
  size_t retained_bytes() const {
    return m_items.capacity() * sizeof(Field) + m_own.retained_bytes();
  }

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
  TextArena m_own;
  TextArena* m_shared = nullptr;
};

enum class RecordKind {
  text,         // scanned as one text field
  json,         // parsed; fields are its strings
  invalid_json, // looked like JSON, did not parse: scanned as text
  too_long,     // over --max-line-bytes: not scanned, not written
};

// Bytes a reader may read past a record's content when the record says
// they are there (Record::readable_after): the JSON parser reads ahead in
// blocks, and then parses the line where it lies instead of a padded copy.
inline constexpr size_t k_read_ahead = 64;

struct Record {
  size_t input_index = 0;      // which input (file) it came from
  uint64_t line = 0;           // 1-based line number in that input
  std::string_view bom;        // UTF-8 BOM written back before content, if any
  std::string_view content;    // the line without BOM and terminator
  std::string_view terminator; // "\n", "\r\n" or ""
  // k_read_ahead bytes after content may be read (their values do not
  // matter): the batch's storage goes on that far.
  bool readable_after = false;
  RecordKind kind = RecordKind::text;
  bool invalid_utf8 = false;
  FieldList fields;
  // Objects that carry a "role": (pointer of the object, role value), in
  // document order; assign_roles() sorts many by pointer.
  std::vector<std::pair<std::string, std::string>> roles;
  std::string record_id; // value at --id-field, if any
  // Value at --segment-by / --split-by (a tenant id): label numbers and
  // keys are per segment, --split-by writes one file per segment.
  std::string segment;
  bool has_segment = false;
  std::string model_hint; // record fields naming the model/provider (context)
  // Set when the record is a piece of a line too long to hold whole:
  // content is the piece's window. A JSON line's pieces carry the walk of
  // the line as it stood at their own first byte (reader/json_stream.hpp).
  std::optional<LinePiece> piece;
  std::shared_ptr<const JsonStream> json_at_keep;
};

} // namespace veil
