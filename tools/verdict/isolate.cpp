#include "isolate.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <iostream>

namespace verdict::cli {

int run_isolated(const std::function<int()>& body, const std::function<int(int signal)>& on_crash) {
  std::cout.flush();
  std::fflush(nullptr);
  const pid_t child = fork();
  if (child < 0) return body();
  if (child == 0) {
    // An exception (bad input, say) leaves this function in the child, whose caller
    // reports it and exits with its code as a single process would.
    const int code = body();
    std::cout.flush();
    std::fflush(nullptr);
    _exit(code);
  }
  int status = 0;
  while (waitpid(child, &status, 0) < 0) {
    if (errno != EINTR) return on_crash(0);
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return on_crash(WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

}  // namespace verdict::cli
