// Flags shared by the question subcommands.
#include "commands.h"

namespace verdict::cli {

CLI::App* add_json_and_timeout(CLI::App* cmd, bool& json, double& timeout) {
  cmd->add_flag("--json", json, "print one JSON object");
  cmd->add_option("--timeout", timeout, "seconds per solver query (a timeout is don't know)")->capture_default_str();
  return cmd;
}

}  // namespace verdict::cli
