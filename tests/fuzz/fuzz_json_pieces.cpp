// The JSON side of long lines (reader/json_piece_reader.hpp) over arbitrary
// bytes: the first two bytes set the piece and context sizes, the rest is
// the line. Properties: the walk gives one verdict however the line is cut;
// every field a piece reads lies in its window; and when the line is valid
// JSON to the walk and to the whole-line reader, each field's text is its
// string's text at its decoded offset.
#include "fuzz_check.hpp"
#include "reader/json_piece_reader.hpp"
#include "reader/record_reader.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace {

struct Part {
  std::string pointer;
  bool is_key;
  uint64_t decoded_from;
  std::string text;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) {
    return 0;
  }
  const size_t piece = 1 + data[0] % 64;
  const size_t context = data[1] % 32;
  const std::string doc(reinterpret_cast<const char*>(data) + 2, size - 2);
  // A line is JSON when its first piece says so: not one whose first
  // window is blank.
  if (doc.find_first_not_of(" \t\r") >= piece + context) {
    return 0;
  }
  static veil::ReaderOptions options = [] {
    veil::ReaderOptions o;
    o.mode = veil::InputMode::jsonl;
    o.scan_keys = true;
    return o;
  }();
  static veil::RecordReader reader(options);

  veil::JsonStream whole_walk;
  const bool walk_valid =
      whole_walk.walk(doc, 0, doc.size(), 0) && whole_walk.finish();
  veil::JsonPieceWalk walk(options.mode);
  std::vector<Part> parts;
  bool pieces_valid = true;
  for (size_t keep = 0; keep < doc.size(); keep += piece) {
    const size_t begin = keep > context ? keep - context : 0;
    const size_t keep_end = std::min(doc.size(), keep + piece);
    const size_t end = std::min(doc.size(), keep_end + context);
    const veil::LinePiece at{begin, uint32_t(keep - begin),
                             uint32_t(keep_end - begin), keep == 0,
                             keep_end == doc.size()};
    veil::Record record;
    record.content = std::string_view(doc).substr(begin, end - begin);
    record.piece = at;
    record.json_at_keep = walk.next(at, record.content);
    reader.read(record);
    pieces_valid = pieces_valid && record.kind == veil::RecordKind::json;
    for (const veil::Field& f : record.fields) {
      FUZZ_CHECK(f.raw_begin <= f.raw_end &&
                 f.raw_end <= record.content.size());
      parts.push_back(Part{std::string(f.pointer), f.is_key, f.decoded_from,
                           std::string(f.text)});
    }
  }
  FUZZ_CHECK(doc.empty() || pieces_valid == walk_valid);

  veil::Record whole;
  whole.content = doc;
  reader.read(whole);
  if (!walk_valid || whole.kind != veil::RecordKind::json) {
    return 0;
  }
  std::multimap<std::pair<std::string, bool>, std::string> texts;
  for (const veil::Field& f : whole.fields) {
    texts.emplace(std::pair(std::string(f.pointer), f.is_key), f.text);
  }
  for (const Part& part : parts) {
    auto [from, to] = texts.equal_range({part.pointer, part.is_key});
    FUZZ_CHECK(std::any_of(from, to, [&](const auto& entry) {
      return part.decoded_from <= entry.second.size() &&
             entry.second.substr(part.decoded_from, part.text.size()) ==
                 part.text;
    }));
  }
  return 0;
}
