#include "reader/record_reader.hpp"

#include "reader/chat_shapes.hpp"
#include "reader/json_piece_reader.hpp"
#include "reader/jsonl_reader.hpp"

#include <simdjson.h>

namespace veil {

namespace {

size_t first_not_blank(std::string_view content) {
  return content.find_first_not_of(" \t\r");
}

bool looks_like_json(std::string_view content) {
  size_t at = first_not_blank(content);
  return at != std::string_view::npos &&
         (content[at] == '{' || content[at] == '[');
}

bool is_blank(std::string_view content) {
  return first_not_blank(content) == std::string_view::npos;
}

} // namespace

bool reads_as_json(InputMode mode, std::string_view content) {
  return mode == InputMode::jsonl
             ? !is_blank(content)
             : mode == InputMode::auto_detect && looks_like_json(content);
}

RecordReader::RecordReader(const ReaderOptions& options)
    : m_options(options), m_json(std::make_unique<JsonlReader>(options)) {}

RecordReader::~RecordReader() = default;

void RecordReader::clear(Record& record) const {
  record.fields.clear();
  record.roles.clear();
  record.record_id.clear();
  record.segment.clear();
  record.has_segment = false;
  record.model_hint.clear();
  record.invalid_utf8 = false;
}

void RecordReader::read(Record& record) {
  clear(record);
  if (record.piece) {
    read_piece(record);
    return;
  }
  if (reads_as_json(m_options.mode, record.content)) {
    JsonOutcome outcome = m_json->read(record);
    if (outcome == JsonOutcome::ok) {
      record.kind = RecordKind::json;
      assign_roles(record);
      return;
    }
    clear(record);
    record.kind = outcome == JsonOutcome::invalid_utf8
                      ? RecordKind::text
                      : RecordKind::invalid_json;
  } else {
    record.kind = RecordKind::text;
  }
  read_text(record);
}

// A piece of a JSON line whose bytes stop being JSON is read as text, and
// so are the pieces after it.
void RecordReader::read_piece(Record& record) const {
  if (record.json_at_keep &&
      read_json_piece(*record.json_at_keep, m_options, record)) {
    record.kind = RecordKind::json;
    record.invalid_utf8 =
        !simdjson::validate_utf8(record.content.data(), record.content.size());
    return;
  }
  clear(record);
  record.kind =
      record.json_at_keep ? RecordKind::invalid_json : RecordKind::text;
  read_text(record);
}

void RecordReader::read_text(Record& record) const {
  // Invalid UTF-8 is scanned as bytes: RE2 simply does not match across the
  // bad bytes, and the record is reported.
  record.invalid_utf8 =
      !simdjson::validate_utf8(record.content.data(), record.content.size());
  if (record.content.empty()) {
    return;
  }
  Field& field = record.fields.add();
  field.raw_end = static_cast<uint32_t>(record.content.size());
  field.text = record.content;
  field.decoded_from = record.piece ? record.piece->offset : 0;
}

} // namespace veil
