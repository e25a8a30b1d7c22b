#include "support/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <thread>

extern char** environ;

namespace verdict::support {

namespace {

using Clock = std::chrono::steady_clock;

/// The child's standard streams; `capture_fd` (a pipe's write end, or -1) becomes stdout.
bool set_up_streams(posix_spawn_file_actions_t& actions, const ProcessOutput& output, int capture_fd) {
  bool ok = posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0) == 0;
  if (capture_fd >= 0) ok = ok && posix_spawn_file_actions_adddup2(&actions, capture_fd, 1) == 0;
  else ok = ok && posix_spawn_file_actions_addopen(&actions, 1, output.stdout_path.c_str(),
                                                   O_WRONLY | O_CREAT | O_TRUNC, 0644) == 0;
  const char* err = output.stderr_path.empty() ? "/dev/null" : output.stderr_path.c_str();
  return ok && posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0644) == 0;
}

pid_t spawn(const std::vector<std::string>& argv, const ProcessOutput& output, int capture_fd) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attr, 0);
  pid_t pid = -1;
  if (set_up_streams(actions, output, capture_fd) &&
      posix_spawnp(&pid, args[0], &actions, &attr, args.data(), environ) != 0)
    pid = -1;
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  return pid;
}

/// Reads what is available on `fd` into `out`, waiting at most `wait_ms`; false at end of file.
bool read_some(int fd, std::string& out, long long wait_ms) {
  pollfd p{fd, POLLIN, 0};
  const int ready = poll(&p, 1, static_cast<int>(std::clamp<long long>(wait_ms, 0, 50)));
  if (ready < 0) return errno == EINTR;
  if (ready == 0) return true;
  char buf[4096];
  const ssize_t n = read(fd, buf, sizeof buf);
  if (n < 0) return errno == EINTR || errno == EAGAIN;
  out.append(buf, static_cast<std::size_t>(n));
  return n > 0;
}

/// Waits for `pid` (reading `capture_fd` to its end, if any) until `end`; then kills its group.
void wait_for(pid_t pid, int capture_fd, Clock::time_point end, ProcessResult& r) {
  int status = 0;
  for (;;) {
    const long long left = std::chrono::duration_cast<std::chrono::milliseconds>(end - Clock::now()).count();
    if (left <= 0) {
      kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      r.timed_out = true;
      return;
    }
    if (capture_fd >= 0) {
      if (!read_some(capture_fd, r.stdout_text, left)) capture_fd = -1;
      continue;
    }
    const pid_t w = waitpid(pid, &status, WNOHANG);
    if (w == pid) break;
    if (w < 0 && errno != EINTR) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOutput& output, double timeout_s) {
  ProcessResult r;
  if (argv.empty()) return r;
  const auto start = Clock::now();
  const bool capture = output.stdout_path.empty();
  int fds[2] = {-1, -1};
  if (capture && pipe2(fds, O_CLOEXEC) != 0) return r;
  const pid_t pid = spawn(argv, output, fds[1]);
  if (capture) close(fds[1]);
  if (pid > 0) {
    r.started = true;
    wait_for(pid, fds[0], start + std::chrono::milliseconds(static_cast<long long>(timeout_s * 1000)), r);
  }
  if (capture) close(fds[0]);
  r.wall_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  return r;
}

}  // namespace verdict::support
