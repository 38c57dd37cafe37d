// Line splitter + text reader over arbitrary bytes, read in small uneven
// chunks. Property: the lines' bom + content + terminator give back the
// input byte for byte (nothing lost, nothing added) unless a line is over
// the limit, and every non-empty line becomes a record with one field.
#include "fuzz_check.hpp"
#include "reader/record_reader.hpp"
#include "source/line_splitter.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

namespace {

// Serves the input in chunks of 1..7 bytes, so lines cross read boundaries.
class ChunkSource : public veil::ByteSource {
public:
  explicit ChunkSource(std::string_view bytes) : m_bytes(bytes) {}
  size_t read(char* buf, size_t cap) override {
    size_t n = std::min({cap, m_bytes.size(), 1 + m_calls++ % 7});
    std::memcpy(buf, m_bytes.data(), n);
    m_bytes.remove_prefix(n);
    return n;
  }

private:
  std::string_view m_bytes;
  size_t m_calls = 0;
};

constexpr size_t k_max_line = 256;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static veil::ReaderOptions options;
  options.mode = veil::InputMode::text;
  static veil::RecordReader reader(options);
  std::string_view input(reinterpret_cast<const char*>(data), size);
  veil::LineSplitter lines(std::make_unique<ChunkSource>(input), k_max_line);
  std::string rebuilt;
  bool any_too_long = false;
  veil::RawLine line;
  while (lines.next(line)) {
    any_too_long = any_too_long || line.too_long;
    FUZZ_CHECK(line.content.size() <= k_max_line);
    rebuilt.append(line.bom).append(line.content).append(line.terminator);
    veil::Record record;
    record.content = line.content;
    reader.read(record);
    // An empty line has nothing to scan; any other is one whole field.
    FUZZ_CHECK(record.fields.size() == (line.content.empty() ? 0u : 1u));
    FUZZ_CHECK(line.content.empty() || record.fields[0].text == line.content);
  }
  FUZZ_CHECK(any_too_long || rebuilt == input);
  return 0;
}
