// Turns FILE arguments into the ordered list of inputs to read: "-" is stdin,
// a directory is walked recursively in sorted (byte-wise) order, files are
// taken as given. Nothing is opened or read here.
#pragma once

#include <string>
#include <vector>

namespace veil {

struct Input {
  std::string path;       // "-" for stdin
  std::string name;       // display name in reports and errors ("<stdin>")
  bool from_walk = false; // found by walking a directory (binary files skipped)
};

// Throws InputError("PATH: No such file or directory") for a missing path.
std::vector<Input> expand_inputs(const std::vector<std::string>& args);

} // namespace veil
