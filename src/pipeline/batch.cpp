#include "pipeline/batch.hpp"

namespace veil {

namespace {
// Large enough to amortize handing work to a thread, small enough to keep
// memory flat and all workers busy.
constexpr size_t k_batch_bytes = size_t{1} << 20;
constexpr size_t k_batch_lines = 4096;
} // namespace

bool Batch::full() const {
  return storage.size() >= k_batch_bytes || lines.size() >= k_batch_lines;
}

void Batch::clear() {
  storage.clear();
  lines.clear();
  texts.clear();
  // The rest is output of the last use, appended to by the workers.
  for (auto& m : matches) {
    m.clear();
  }
  for (auto& d : drops) {
    d.clear();
  }
  for (auto& p : plans) {
    p.clear();
  }
}

bool Batch::worth_keeping() const {
  return storage.capacity() <= 4 * k_batch_bytes &&
         texts.retained_bytes() <= 4 * k_batch_bytes;
}

bool Batch::records_worth_keeping() const {
  size_t bytes = 0;
  for (const Record& record : records) {
    bytes += record.fields.retained_bytes();
  }
  return bytes <= 16 * k_batch_bytes;
}

void Batch::add(const RawLine& line) {
  LineSlot slot;
  slot.number = line.number;
  slot.too_long = line.too_long;
  slot.piece = line.piece;
  slot.bom_length = static_cast<uint8_t>(line.bom.size());
  slot.terminator_length = static_cast<uint8_t>(line.terminator.size());
  storage.append(line.bom);
  slot.begin = static_cast<uint32_t>(storage.size());
  slot.length = static_cast<uint32_t>(line.content.size());
  storage.append(line.content);
  storage.append(line.terminator);
  lines.push_back(slot);
}

void Batch::seal() {
  storage.append(k_read_ahead, '\0');
}

std::string_view Batch::raw_line(size_t i) const {
  const LineSlot& s = lines[i];
  return std::string_view(storage).substr(
      s.begin - s.bom_length, s.bom_length + s.length + s.terminator_length);
}

} // namespace veil
