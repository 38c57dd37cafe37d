// JSONL reader + line rewriter. Property: when a line parses as JSON,
// replacing every string value through the rewriter gives a line that still
// parses, with the same number of strings, each now the replacement; the
// reader never crashes on any bytes. A line parsed where it lies (the rest
// of the input after it, as the next lines of a batch) reads as its copy.
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
  const std::string storage =
      std::string(reinterpret_cast<const char*>(data), size) +
      std::string(veil::k_read_ahead, '\0');
  veil::Record in_place;
  in_place.content = std::string_view(storage).substr(0, line.size());
  in_place.readable_after = true;
  reader.read(in_place);
  FUZZ_CHECK(in_place.kind == record.kind);
  FUZZ_CHECK(in_place.fields.size() == record.fields.size());
  for (size_t i = 0; i < record.fields.size(); ++i) {
    const veil::Field& a = record.fields[i];
    const veil::Field& b = in_place.fields[i];
    FUZZ_CHECK(a.pointer == b.pointer && a.text == b.text &&
               a.raw_begin == b.raw_begin && a.raw_end == b.raw_end);
  }
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
