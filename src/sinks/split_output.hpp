// redact --split-by POINTER --out-dir DIR: one output file per segment
// value, DIR/NAME.jsonl. NAME is the value with every byte outside
// [A-Za-z0-9._-] made "_"; when that changed the value, or the name starts
// with "_" or ".", a short hash of the value is appended, so two values never
// share a file and no name can climb out of DIR ("..", "/"). Records without
// the value go to DIR/_none.jsonl. Each file is an atomic Output: all of
// them appear when the run finishes, none when it fails.
#pragma once

#include "sinks/output.hpp"

#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace veil {

class SplitOutputs {
public:
  // More distinct values than this is an error (exit 3) rather than a
  // run out of file descriptors.
  static constexpr size_t k_max_files = 1000;

  explicit SplitOutputs(std::string dir);
  Output& for_segment(std::string_view segment, bool present);
  void finish();

private:
  std::string m_dir;
  std::map<std::string, std::unique_ptr<Output>, std::less<>> m_outputs;
  std::unique_ptr<Output> m_none;
};

// The file name (without directory) for a segment value.
std::string segment_file_name(std::string_view segment);

} // namespace veil
