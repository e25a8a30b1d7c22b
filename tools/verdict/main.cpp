// verdict's command line: a thin client of the public API (include/verdict/).
#include <unistd.h>

#include <climits>
#include <cstdio>
#include <iostream>

#include "verdict/errors.h"
#include "cmd_network.h"
#include "cmd_policy.h"
#include "commands.h"

namespace {

std::string self_path(const char* argv0) {
  char buf[PATH_MAX];
  const ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
  if (n > 0) return std::string(buf, static_cast<std::size_t>(n));
  return argv0;
}

bool wants_json(int argc, char** argv) {
  for (int i = 1; i < argc; ++i)
    if (std::string(argv[i]) == "--json") return true;
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace verdict::cli;
  CLI::App app{"verdict: answers yes, no or don't know about programs and policies, with evidence"};
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all", "Show help for every subcommand");
  Actions actions;
  add_check_command(app, actions);
  add_terminates_command(app, actions);
  add_svcomp_command(app, actions);
  add_ir_command(app, actions);
  add_validate_command(app, actions);
  add_bench_command(app, actions, self_path(argv[0]));
  add_policy_command(app, actions);
  add_network_command(app, actions);
  const bool json = wants_json(argc, argv);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return report_input_error(std::string("usage: ") + e.what() + " (see verdict --help)", json);
  }
  try {
    for (auto& [sub, action] : actions)
      if (sub->parsed()) return action();
    return report_input_error("usage: no subcommand given (see verdict --help)", json);
  } catch (const verdict::InputError& e) {
    return report_input_error(e.what(), json);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "verdict: internal error: %s\n", e.what());
    return 1;
  }
}
