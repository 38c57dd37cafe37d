// veil_simdjson_pass FILE: the floor scripts/bench compares veil to. Reads a
// JSONL file in 4 MiB blocks and, with simdjson ondemand, visits every string
// value and object key of every line (simdjson_walk.hpp), then prints
//
//   lines N invalid N strings N string_bytes N
//
// Memory is one block plus the longest line: a line longer than the block
// grows it. Exit status 0, 1 when the file cannot be read, 2 on bad usage.
#include "simdjson_walk.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

namespace {

constexpr size_t k_block = size_t(4) << 20;

int fail(const char* path, const char* what) {
  std::fprintf(stderr, "veil_simdjson_pass: %s: %s\n", path, what);
  return 1;
}

} // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: veil_simdjson_pass FILE.jsonl\n");
    return 2;
  }
  const char* path = argv[1];
  std::FILE* file = std::fopen(path, "rb");
  if (file == nullptr) {
    return fail(path, std::strerror(errno));
  }
  std::setvbuf(file, nullptr, _IONBF, 0); // the blocks are the buffer

  simdjson::ondemand::parser parser;
  veil::bench::WalkTotals totals;
  // [0, filled) holds bytes read and not walked yet: the start of a line.
  std::vector<char> buffer(k_block + simdjson::SIMDJSON_PADDING);
  size_t filled = 0;
  bool eof = false;
  while (!eof) {
    size_t room = buffer.size() - simdjson::SIMDJSON_PADDING - filled;
    if (room == 0) { // one line fills the block: grow it
      buffer.resize(2 * (buffer.size() - simdjson::SIMDJSON_PADDING) +
                    simdjson::SIMDJSON_PADDING);
      continue;
    }
    size_t got = std::fread(buffer.data() + filled, 1, room, file);
    if (got < room) {
      if (std::ferror(file)) {
        int err = errno;
        std::fclose(file);
        return fail(path, std::strerror(err));
      }
      eof = true;
    }
    filled += got;
    // Walk the complete lines; at the end of the file, the rest too.
    size_t complete = filled;
    if (!eof) {
      const char* last = nullptr;
      for (size_t i = filled; i > 0; --i) {
        if (buffer[i - 1] == '\n') {
          last = buffer.data() + i;
          break;
        }
      }
      if (last == nullptr) {
        continue; // no line end yet: read more
      }
      complete = size_t(last - buffer.data());
    }
    veil::bench::walk_lines(parser, buffer.data(), complete, buffer.size(),
                            totals);
    std::memmove(buffer.data(), buffer.data() + complete, filled - complete);
    filled -= complete;
  }
  std::fclose(file);
  std::printf("lines %llu invalid %llu strings %llu string_bytes %llu\n",
              static_cast<unsigned long long>(totals.lines),
              static_cast<unsigned long long>(totals.invalid),
              static_cast<unsigned long long>(totals.strings),
              static_cast<unsigned long long>(totals.string_bytes));
  return 0;
}
