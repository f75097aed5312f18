// kovgen: drafts Kooperationsvereinbarungen from questionnaire answers.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <malloc.h>
#include <string>
#include <vector>

#include "command.h"
#include "diagnostics.h"
#include "i18n.h"
#include "process_environment.h"
#include "text_match.h"
#include "version_info.h"

namespace kovgen::cli {

std::vector<Command>& command_registry() {
  static std::vector<Command> commands;
  return commands;
}

const char* const kExitCodeHelp = N_(
    "Exit codes:\n"
    "  0  success\n"
    "  1  invalid input (answers, template, CSV or Markdown); nothing was written\n"
    "  2  wrong command line\n"
    "  3  not ready to sign (render --strict, check, batch with drafts among the schools)\n"
    "  4  an output file could not be written\n");

namespace {

void print_overview() {
  auto commands = command_registry();
  std::sort(commands.begin(), commands.end(),
            [](const Command& a, const Command& b) { return std::strcmp(a.name, b.name) < 0; });
  std::fputs(tr("Usage: kovgen COMMAND [OPTIONS] [ARGS]\n\n"
                 "Drafts Kooperationsvereinbarungen (OGS and other school/youth-welfare\n"
                 "partnerships in NRW) from questionnaire answers, as Markdown, DOCX and PDF.\n\n"
                 "Commands:\n"),
             stdout);
  for (const auto& c : commands) std::printf("  %-11s %s\n", c.name, tr(c.summary));
  std::printf("\n%s\n%s\n\n%s", tr("Run 'kovgen help COMMAND' or 'kovgen COMMAND --help' for a command's options.\n"
                                "'--lang en' (or KOVGEN_LANG=en) shows every message in English."),
              tr("'--vorlagen DIR' (with every command) also reads your own templates from DIR,\n"
                 "before the shipped ones."),
              tr(kExitCodeHelp));
}

const Command* find_command(const std::string& name) {
  for (const auto& c : command_registry())
    if (name == c.name) return &c;
  return nullptr;
}

// "--help" or "-h" anywhere before a "--", as Args reads it.
bool asks_for_help(const std::vector<std::string>& args) {
  for (const auto& a : args) {
    if (a == "--") return false;
    if (a == "--help" || a == "-h") return true;
  }
  return false;
}

// Here rather than in each command, so that every command's help is translated
// (gettext needs the literal marked where it is defined: N_ in the command's file).
void print_command_help(const Command& c) {
  std::fputs(tr(c.usage), stdout);
  if (!c.own_exit_codes) std::fputs(tr(kExitCodeHelp), stdout);
}

int unknown_command(const std::string& name) {
  std::vector<std::string> names;
  for (const auto& c : command_registry()) names.push_back(c.name);
  const std::string suggestion = nearest(name, names);
  const std::string hint = suggestion.empty() ? std::string()
                                              : fill(tr(" Did you mean {}?"), {quoted_value(suggestion)});
  std::fprintf(stderr, "%s\n",
               fill(tr("kovgen: unknown command {}.{} Run 'kovgen --help' for the list of commands."),
                    {quoted_value(name), hint})
                   .c_str());
  return kovgen::kExitUsage;
}

// Takes every "--NAME X" and "--NAME=X" out of the arguments, wherever it stands
// before a "--": the options every command understands (--lang, --vorlagen).
// False if one lacks its value.
bool take_global_option(std::vector<std::string>& args, const std::string& name, std::vector<std::string>& values) {
  const std::string with_value = name + "=";
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--") break;
    if (args[i].rfind(with_value, 0) == 0) {
      values.push_back(args[i].substr(with_value.size()));
      args.erase(args.begin() + i--);
    } else if (args[i] == name) {
      if (i + 1 >= args.size()) return false;
      values.push_back(args[i + 1]);
      args.erase(args.begin() + i, args.begin() + i + 2);
      --i;
    }
  }
  return true;
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
  using kovgen::tr;
  // A command runs once and exits. Memory it frees is worth keeping for its next
  // allocation rather than handing back to the kernel, which would fault the
  // same pages in again: each zlib stream of a PDF or DOCX takes and frees a
  // few hundred kB, and glibc trims the heap above 128 kB by default.
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  std::vector<std::string> args(argv + 1, argv + argc);
  std::vector<std::string> languages;
  const bool language_given = take_global_option(args, "--lang", languages);
  if (auto error = kovgen::choose_language(languages.empty() ? std::string() : languages.back())) {
    std::fprintf(stderr, "kovgen: %s\n", error->c_str());
    return kovgen::kExitUsage;
  }
  if (!language_given) {
    std::fprintf(stderr, "kovgen: %s\n", tr("--lang needs a language: de or en"));
    return kovgen::kExitUsage;
  }
  std::vector<std::string> own_templates;
  if (!take_global_option(args, "--vorlagen", own_templates)) {
    std::fprintf(stderr, "kovgen: %s\n", tr("--vorlagen needs a folder with your own templates"));
    return kovgen::kExitUsage;
  }
  if (auto error = kovgen::use_own_template_folders(own_templates)) {
    std::fprintf(stderr, "kovgen: %s\n", error->c_str());
    return kovgen::kExitUsage;
  }
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || (args[0] == "help" && args.size() == 1)) {
    print_overview();
    return args.empty() ? kovgen::kExitUsage : kovgen::kExitOk;
  }
  if (args[0] == "--version") {
    std::fputs(version_text().c_str(), stdout);
    return kovgen::kExitOk;
  }
  // "kovgen help render" is "kovgen render --help".
  if (args[0] == "help") args = {args[1], "--help"};
  const Command* command = find_command(args[0]);
  if (!command) return unknown_command(args[0]);
  args.erase(args.begin());
  if (asks_for_help(args)) {
    print_command_help(*command);
    return kovgen::kExitOk;
  }
  const int code = command->run(args);
  exit_without_teardown(code);
}
