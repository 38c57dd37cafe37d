// A batch is a run of consecutive lines of one input, copied into one
// buffer, with the Records and Matches the workers produce for them.
// Batches are the unit of parallel work and are consumed in sequence order.
#pragma once

#include "actions/finding_builder.hpp"
#include "core/finding.hpp"
#include "core/record.hpp"
#include "policy/field_planner.hpp"
#include "source/line_splitter.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace veil {

struct LineSlot {
  uint64_t number = 0;
  uint32_t begin = 0; // content span in Batch::storage
  uint32_t length = 0;
  uint8_t bom_length = 0;
  uint8_t terminator_length = 0; // 0, 1 ("\n") or 2 ("\r\n")
  bool too_long = false;
  std::optional<LinePiece> piece;                 // a piece of a long line
  std::shared_ptr<const JsonStream> json_at_keep; // see Record
};

struct Batch {
  size_t input_index = 0;
  size_t worker = 0;   // the worker that filled the records
  std::string storage; // bom + content + terminator of each line
  std::vector<LineSlot> lines;
  std::vector<Record> records; // filled by a worker
  // The records' kept texts (decoded strings, JSON Pointers): one arena
  // for the batch, kept with it, rather than blocks per record, which the
  // records freed at -j2 took with them.
  TextArena texts{size_t{64} << 10};
  std::vector<std::vector<Match>> matches;    // per record, filled by a worker
  std::vector<std::vector<MatchFacts>> facts; // per record, per match
  std::vector<std::vector<Drop>> drops;       // per record, with --explain
  std::vector<policy::RecordPlan> plans;      // per record, with a policy

  // True when the batch should be handed to a worker.
  bool full() const;
  // Batches are reused, keeping their buffers: the line storage (a fresh
  // 1 MiB buffer, grown by doubling, page-faulted in and freed again each
  // time) and, when the caller keeps them, the records, whose vectors and
  // strings the reader clears and fills again. clear() empties the batch
  // for the next lines but leaves the records to the caller; one that held
  // a very long line is not worth keeping, or its buffer would hold that
  // memory for the rest of the run.
  void clear();
  bool worth_keeping() const;
  // Whether the records' kept fields hold little enough memory to keep.
  bool records_worth_keeping() const;
  void add(const RawLine& line);
  // After the last add(): k_read_ahead bytes after the last line, so that
  // every line's content may be read past (Record::readable_after).
  void seal();
  // Views of the record's pieces inside storage.
  std::string_view raw_line(size_t i) const; // bom + content + terminator
};

} // namespace veil
