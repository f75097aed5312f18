// kovgen: drafts Kooperationsvereinbarungen from questionnaire answers.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "command.h"
#include "diagnostics.h"
#include "version.h"

namespace kovgen::cli {

std::vector<Command>& command_registry() {
  static std::vector<Command> commands;
  return commands;
}

const char* const kExitCodeHelp =
    "Exit codes:\n"
    "  0  success\n"
    "  1  invalid input (answers, template, CSV or Markdown); nothing was written\n"
    "  2  wrong command line\n"
    "  3  checklist incomplete (render --strict, check, batch with incomplete schools)\n"
    "  4  an output file could not be written\n";

namespace {

void print_overview() {
  auto commands = command_registry();
  std::sort(commands.begin(), commands.end(),
            [](const Command& a, const Command& b) { return std::strcmp(a.name, b.name) < 0; });
  std::printf(
      "Usage: kovgen COMMAND [OPTIONS] [ARGS]\n\n"
      "Drafts Kooperationsvereinbarungen (OGS and other school/youth-welfare\n"
      "partnerships in NRW) from questionnaire answers, as Markdown, DOCX and PDF.\n\n"
      "Commands:\n");
  for (const auto& c : commands) std::printf("  %-11s %s\n", c.name, c.summary);
  std::printf("\nRun 'kovgen COMMAND --help' for a command's options.\n\n%s", kExitCodeHelp);
}

// Every output is complete (written and renamed) when a command returns. Like
// compilers, kovgen then leaves without tearing down its caches and parsed
// templates, which the system reclaims at once anyway: that teardown was 4 % of a
// render. Sanitizer builds exit normally, so that leaks are still found.
[[noreturn]] void exit_without_teardown(int code) {
  std::fflush(nullptr);
#if defined(__SANITIZE_ADDRESS__)
  std::exit(code);
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  std::exit(code);
#endif
#endif
  std::_Exit(code);
}

}  // namespace
}  // namespace kovgen::cli

int main(int argc, char** argv) {
  using namespace kovgen::cli;
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0 ||
      std::strcmp(argv[1], "help") == 0) {
    print_overview();
    return argc < 2 ? kovgen::kExitUsage : kovgen::kExitOk;
  }
  if (std::strcmp(argv[1], "--version") == 0) {
    std::printf("kovgen %s\n", KOVGEN_VERSION);
    return 0;
  }
  for (const auto& c : command_registry()) {
    if (std::strcmp(c.name, argv[1]) != 0) continue;
    int code;
    {
      std::vector<std::string> args(argv + 2, argv + argc);
      code = c.run(args);
    }
    exit_without_teardown(code);
  }
  std::fprintf(stderr, "kovgen: unknown command '%s'. Run 'kovgen --help'.\n", argv[1]);
  return kovgen::kExitUsage;
}
