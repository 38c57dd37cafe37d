#include "source/git_files.hpp"

#include <cerrno>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace veil {

namespace {

struct GitResult {
  int status = -1; // exit status, -1 when git could not run
  std::string out;
};

// Runs git with stdin and stderr on /dev/null and returns its stdout.
GitResult run_git(std::vector<std::string> args) {
  GitResult result;
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) {
    return result;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  std::vector<char*> argv;
  for (std::string& a : args) {
    argv.push_back(a.data());
  }
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned =
      posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  if (spawned != 0) {
    close(pipe_fds[0]);
    return result;
  }
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = read(pipe_fds[0], buffer, sizeof buffer);
    if (n > 0) {
      result.out.append(buffer, static_cast<size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      break;
    }
  }
  close(pipe_fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

} // namespace

std::optional<std::vector<std::string>>
git_visible_files(const std::string& dir) {
  // Exit 1: dir is in a work tree and not ignored. 0: ignored; 128: no
  // work tree; -1: no git.
  if (run_git({"git", "-C", dir, "check-ignore", "-q", "."}).status != 1) {
    return std::nullopt;
  }
  GitResult listed = run_git({"git", "-C", dir, "ls-files", "-z", "--cached",
                              "--others", "--exclude-standard"});
  if (listed.status != 0) {
    return std::nullopt;
  }
  std::vector<std::string> files;
  size_t begin = 0;
  while (begin < listed.out.size()) {
    size_t end = listed.out.find('\0', begin);
    if (end == std::string::npos) {
      end = listed.out.size();
    }
    files.emplace_back(listed.out, begin, end - begin);
    begin = end + 1;
  }
  return files;
}

} // namespace veil
