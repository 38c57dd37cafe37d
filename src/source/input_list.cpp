// Directory walking uses opendir/readdir rather than std::filesystem so that
// symlinks can be classified without following links to directories, and so
// that errors read exactly like the C library's ("PATH: Permission denied").

#include "source/input_list.hpp"

#include "baseline/path_glob.hpp"
#include "core/errors.hpp"
#include "source/git_files.hpp"
#include "source/sys_error.hpp"

#include <algorithm>
#include <cerrno>
#include <dirent.h>
#include <memory>
#include <sys/stat.h>

namespace veil {
namespace {

enum class EntryKind { file, directory, other };

[[noreturn]] void throw_errno(const std::string& path, int err) {
  throw InputError(path + ": " + errno_text(err));
}

// "logs" + "a" and "logs/" + "a" both give "logs/a": the name the user
// would type, not a normalized path.
std::string join_path(const std::string& dir, const char* name) {
  if (!dir.empty() && dir.back() == '/') {
    return dir + name;
  }
  return dir + "/" + name;
}

// d_type saves a stat() for most entries; symlinks and filesystems that
// report DT_UNKNOWN need one. A symlink counts as a file when it points to a
// regular file; a symlink to a directory is never followed, so a link back up
// the tree cannot make the walk loop.
EntryKind classify(const std::string& path, unsigned char d_type) {
  if (d_type == DT_REG) {
    return EntryKind::file;
  }
  if (d_type == DT_DIR) {
    return EntryKind::directory;
  }
  if (d_type != DT_LNK && d_type != DT_UNKNOWN) {
    return EntryKind::other;
  }
  struct stat st {};
  if (lstat(path.c_str(), &st) != 0) {
    return EntryKind::other; // removed while walking
  }
  if (S_ISREG(st.st_mode)) {
    return EntryKind::file;
  }
  if (S_ISDIR(st.st_mode)) {
    return EntryKind::directory;
  }
  if (!S_ISLNK(st.st_mode) || stat(path.c_str(), &st) != 0) {
    return EntryKind::other; // device, fifo, socket or dangling link
  }
  return S_ISREG(st.st_mode) ? EntryKind::file : EntryKind::other;
}

struct DirCloser {
  void operator()(DIR* dir) const { closedir(dir); }
};

// Reads one directory level into files and subdirs. The directory is closed
// before the caller recurses, so deep trees do not hold one fd per level.
void list_directory(const std::string& dir, std::vector<Input>& files,
                    std::vector<std::string>& subdirs) {
  std::unique_ptr<DIR, DirCloser> handle(opendir(dir.c_str()));
  if (!handle) {
    throw_errno(dir, errno);
  }
  for (;;) {
    errno = 0; // readdir() signals errors only through errno
    const dirent* entry = readdir(handle.get());
    if (entry == nullptr) {
      break;
    }
    const std::string_view name = entry->d_name;
    if (name == "." || name == "..") {
      continue;
    }
    std::string path = join_path(dir, entry->d_name);
    switch (classify(path, entry->d_type)) {
    case EntryKind::file:
      files.push_back(Input{path, path, true});
      break;
    case EntryKind::directory:
      if (name != ".git") {
        subdirs.push_back(std::move(path));
      }
      break;
    case EntryKind::other:
      break;
    }
  }
  if (errno != 0) {
    throw_errno(dir, errno);
  }
}

// The path below the walked root, and the path as shown, without "./".
struct Walk {
  const std::string& root;
  const WalkOptions& options;

  bool excluded(const std::string& path, bool is_dir) const {
    if (options.exclude.empty()) {
      return false;
    }
    std::string_view shown = path;
    while (shown.substr(0, 2) == "./") {
      shown.remove_prefix(2);
    }
    std::string_view below = path;
    below.remove_prefix(std::min(path.size(), root.size()));
    while (!below.empty() && below.front() == '/') {
      below.remove_prefix(1);
    }
    for (std::string_view glob : options.exclude) {
      while (glob.substr(0, 2) == "./") {
        glob.remove_prefix(2);
      }
      // A name pattern looks below the root only: `--exclude logs` must
      // not empty a walk of logs/ itself.
      const bool anchored =
          glob.substr(0, glob.size() - 1).find('/') != std::string_view::npos;
      if (path_glob_matches(glob, below, is_dir) ||
          (anchored && path_glob_matches(glob, shown, is_dir))) {
        return true;
      }
    }
    return false;
  }
};

void walk(const std::string& dir, const Walk& w, std::vector<Input>& files) {
  std::vector<std::string> subdirs;
  std::vector<Input> here;
  list_directory(dir, here, subdirs);
  for (Input& input : here) {
    if (!w.excluded(input.path, false)) {
      files.push_back(std::move(input));
    }
  }
  for (const std::string& sub : subdirs) {
    if (!w.excluded(sub, true)) {
      walk(sub, w, files);
    }
  }
}

// The files git shows below dir; a listed directory (a submodule) is walked.
bool walk_git(const std::string& dir, const Walk& w,
              std::vector<Input>& files) {
  std::optional<std::vector<std::string>> listed = git_visible_files(dir);
  if (!listed) {
    return false;
  }
  for (const std::string& name : *listed) {
    std::string path = join_path(dir, name.c_str());
    switch (classify(path, DT_UNKNOWN)) {
    case EntryKind::file:
      if (!w.excluded(path, false)) {
        files.push_back(Input{path, path, true});
      }
      break;
    case EntryKind::directory:
      if (!w.excluded(path, true)) {
        walk(path, w, files);
      }
      break;
    case EntryKind::other:
      break; // deleted but still tracked, or not a regular file
    }
  }
  return true;
}

} // namespace

std::vector<Input> expand_inputs(const std::vector<std::string>& args,
                                 const WalkOptions& options) {
  std::vector<Input> inputs;
  for (const std::string& arg : args) {
    if (arg == "-") {
      inputs.push_back(Input{"-", "<stdin>", false});
      continue;
    }
    // stat() follows symlinks: a link named on the command line is taken
    // at its word, as ripgrep does; only links met while walking are not.
    struct stat st {};
    if (stat(arg.c_str(), &st) != 0) {
      throw_errno(arg, errno);
    }
    if (!S_ISDIR(st.st_mode)) {
      inputs.push_back(Input{arg, arg, false});
      continue;
    }
    std::vector<Input> found;
    const Walk w{arg, options};
    if (!options.gitignore || !walk_git(arg, w, found)) {
      walk(arg, w, found);
    }
    // Sorting the whole walk by full path (not per directory) makes the
    // order independent of readdir() and matches `sort` with LC_ALL=C.
    std::sort(found.begin(), found.end(),
              [](const Input& a, const Input& b) { return a.name < b.name; });
    // git lists a file once per merge stage while a conflict is open.
    found.erase(std::unique(found.begin(), found.end(),
                            [](const Input& a, const Input& b) {
                              return a.name == b.name;
                            }),
                found.end());
    inputs.insert(inputs.end(), std::make_move_iterator(found.begin()),
                  std::make_move_iterator(found.end()));
  }
  return inputs;
}

} // namespace veil
