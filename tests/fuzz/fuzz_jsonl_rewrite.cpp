// JSONL reader + line rewriter. Property: when a line parses as JSON,
// replacing every string value through the rewriter gives a line that still
// parses, with the same number of strings, each now the replacement; the
// reader never crashes on any bytes.
#include "fuzz_check.hpp"
#include "reader/record_reader.hpp"
#include "sinks/line_rewriter.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr std::string_view k_replacement = "[R\"\\\xC3\xA9\n]";

veil::Record read(veil::RecordReader& reader, std::string_view line) {
  veil::Record record;
  record.content = line;
  reader.read(record);
  return record;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const veil::ReaderOptions options;
  static veil::RecordReader reader(options);
  std::string_view line(reinterpret_cast<const char*>(data), size);
  if (line.find('\n') != std::string_view::npos) {
    line = line.substr(0, line.find('\n')); // one record is one line
  }
  veil::Record record = read(reader, line);
  if (record.kind != veil::RecordKind::json) {
    // Text: the whole line is one field (none when empty).
    FUZZ_CHECK(record.fields.size() == (line.empty() ? 0u : 1u));
    return 0;
  }
  std::vector<veil::TokenEdit> edits;
  for (const veil::Field& field : record.fields) {
    FUZZ_CHECK(field.raw_begin <= field.raw_end && field.raw_end <= size);
    edits.push_back({field.raw_begin, field.raw_end, std::string(k_replacement),
                     field.is_json});
  }
  std::string out;
  veil::rewrite_line(line, edits, out);
  veil::Record again = read(reader, out);
  FUZZ_CHECK(again.kind == veil::RecordKind::json);
  FUZZ_CHECK(again.fields.size() == record.fields.size());
  for (const veil::Field& field : again.fields) {
    FUZZ_CHECK(field.text == k_replacement);
  }
  return 0;
}
