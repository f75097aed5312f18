#pragma once
// Subcommands register themselves here, one file each (cmd_render.cc, ...), so
// adding a command touches no shared file.
#include <string>
#include <vector>

namespace kovgen::cli {

// summary and usage are English, marked with N_(): main.cc prints every
// command's --help through tr(), so a command's file only holds its texts.
struct Command {
  const char* name;
  const char* summary;  // one line for "kovgen --help"
  const char* usage;    // full --help text of the subcommand; kExitCodeHelp follows it
  int (*run)(const std::vector<std::string>& args);  // args after the name
  // Whether usage documents exit codes of its own instead of kExitCodeHelp.
  bool own_exit_codes = false;
};

std::vector<Command>& command_registry();

struct CommandRegistration {
  explicit CommandRegistration(Command c) { command_registry().push_back(c); }
};

// Exit-code paragraph shared by every --help text.
extern const char* const kExitCodeHelp;

}  // namespace kovgen::cli
