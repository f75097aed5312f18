// kovgen init: an answer skeleton to fill in by hand.
#include <cstdio>
#include <filesystem>

#include "args.h"
#include "command.h"
#include "process_environment.h"
#include "cli_support.h"
#include "skeleton.h"

namespace kovgen::cli {
namespace {

const char* const kUsage =
    "Usage: kovgen init --template NAME [-o ANSWERS.yaml] [--force]\n\n"
    "Writes an answer file to fill in by hand: every question of the template,\n"
    "grouped by development step and checklist section, with its German label,\n"
    "help text, type, whether it is required, the allowed choices and an example\n"
    "as comments, and an empty value. Without -o, it goes to standard output.\n"
    "An existing file is never overwritten unless --force is given.\n\n"
    "Options:\n"
    "  -t, --template NAME   template to use (see 'kovgen templates')\n"
    "  -o, --output FILE     write to FILE instead of standard output\n"
    "      --force           overwrite FILE if it exists\n\n";

int run(const std::vector<std::string>& argv) {
  Args args(argv, {{"--template", "-t"}, {"--output", "-o"}, {"--force", "", false}});
  if (args.help()) {
    std::printf("%s%s", kUsage, kExitCodeHelp);
    return kExitOk;
  }
  if (!args.error().empty()) return usage_error("init", args.error());
  if (!args.positionals().empty()) return usage_error("init", "takes no arguments; use -o FILE");
  if (!args.has("--template")) return usage_error("init", "which template? Pass --template NAME");

  TemplateCache cache(real_disk(), template_library_from_environment());
  auto t = load_named_template(cache, args.get("--template"));
  if (!t) return kExitInvalidInput;
  const std::string path = args.get("--output");
  if (!path.empty() && std::filesystem::exists(path) && !args.has("--force")) {
    std::fprintf(stderr, "kovgen init: %s exists and was not overwritten (use --force)\n", path.c_str());
    return kExitOutputError;
  }
  if (int rc = write_output(path, answer_skeleton(t->questionnaire)); rc != kExitOk || path.empty()) return rc;
  std::fprintf(stderr, "%s: Antwortdatei für \u201E%s\u201C angelegt. Ausfüllen, dann: kovgen check %s\n",
               path.c_str(), t->questionnaire.title.c_str(), path.c_str());
  return kExitOk;
}

CommandRegistration registration({"init", "write an answer file to fill in by hand", kUsage, run});

}  // namespace
}  // namespace kovgen::cli
