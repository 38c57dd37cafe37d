// Turns one line into a Record: decides JSON or text (--input), walks JSON
// with simdjson ondemand collecting every string value with its pointer and
// raw span, assigns chat roles, and falls back to text when JSON does not
// parse. One RecordReader per worker thread: it owns the parser and buffers.
#pragma once

#include "core/record.hpp"
#include "reader/reader_options.hpp"

#include <memory>
#include <string_view>

namespace veil {

class JsonlReader;

// Whether a line is read as JSON under --input mode: under auto, one whose
// first byte that is not blank is '{' or '['.
bool reads_as_json(InputMode mode, std::string_view content);

class RecordReader {
public:
  explicit RecordReader(const ReaderOptions& options);
  ~RecordReader();
  RecordReader(const RecordReader&) = delete;
  RecordReader& operator=(const RecordReader&) = delete;

  // Fills record.kind, fields, record_id, model_hint and invalid_utf8 from
  // record.content. Never throws for bad input.
  void read(Record& record);
  // Empties what read() fills (a too-long line is not read).
  void clear(Record& record) const;

private:
  void read_piece(Record& record) const;
  void read_text(Record& record) const;

  const ReaderOptions& m_options;
  std::unique_ptr<JsonlReader> m_json;
};

} // namespace veil
