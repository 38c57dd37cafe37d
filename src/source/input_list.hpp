// Turns FILE arguments into the ordered list of inputs to read: "-" is stdin,
// a directory is walked recursively in sorted (byte-wise) order, files are
// taken as given. Nothing is opened or read here. In a git work tree a walk
// sees only what git shows (source/git_files.hpp); --exclude globs
// (baseline/path_glob.hpp) prune the walk. Both apply to walks only: a file
// named on the command line is always read.
#pragma once

#include <string>
#include <vector>

namespace veil {

struct Input {
  std::string path;       // "-" for stdin
  std::string name;       // display name in reports and errors ("<stdin>")
  bool from_walk = false; // found by walking a directory (binary files skipped)
};

struct WalkOptions {
  // --exclude: matched against the path below the walked directory and
  // against the path as shown ("logs/old/a.jsonl"); see path_glob.hpp.
  std::vector<std::string> exclude;
  bool gitignore = true; // --no-gitignore turns it off
};

// Throws InputError("PATH: No such file or directory") for a missing path.
std::vector<Input> expand_inputs(const std::vector<std::string>& args,
                                 const WalkOptions& walk = {});

} // namespace veil
