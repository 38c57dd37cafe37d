// Runs a fuzz target over files without libFuzzer, so ordinary builds (gcc,
// sanitizers) replay the seed corpus on every ctest run. Arguments are files
// or directories (every regular file below, in sorted order).
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

std::vector<std::filesystem::path> inputs(int argc, char** argv) {
  std::vector<std::filesystem::path> out;
  for (int i = 1; i < argc; ++i) {
    std::filesystem::path arg(argv[i]);
    if (!std::filesystem::is_directory(arg)) {
      out.push_back(arg);
      continue;
    }
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(arg)) {
      if (entry.is_regular_file()) {
        out.push_back(entry.path());
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace

int main(int argc, char** argv) {
  std::vector<std::filesystem::path> files = inputs(argc, argv);
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)),
                      std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()),
                           bytes.size());
  }
  std::printf("replayed %zu inputs\n", files.size());
  return files.empty() ? 1 : 0;
}
