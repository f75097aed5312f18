// kovgen check: validates an answers file and shows the checklist as a table.
#include <cstdio>
#include <cstdlib>

#include <sys/ioctl.h>
#include <unistd.h>

#include "args.h"
#include "checklist_table.h"
#include "command.h"
#include "file_io.h"
#include "process_environment.h"
#include "pipeline.h"
#include "report_json.h"

namespace kovgen::cli {
namespace {

const char* const kUsage =
    "Usage: kovgen check [--template NAME] [--report FILE.json] ANSWERS.yaml...\n\n"
    "Validates the answers (YAML or JSON) against their template and prints the\n"
    "checklist: one row per section with its status and the missing items.\n"
    "Colours are used on a terminal unless NO_COLOR is set.\n\n"
    "Options:\n"
    "  -t, --template NAME   template to use (default: \"vorlage\" in the file)\n"
    "      --report FILE     write the findings as JSON (as render --report; for\n"
    "                        several files, a list with one entry per valid file)\n\n"
    "Exit codes of check: 0 every section of every file complete, 3 some section\n"
    "incomplete, 1 a file is invalid (every problem is listed), 2 wrong command line.\n\n";

TableStyle terminal_style() {
  TableStyle style;
  if (!isatty(STDOUT_FILENO)) return style;
  const char* no_color = std::getenv("NO_COLOR");
  style.color = !no_color || !*no_color;
  winsize ws{};
  style.width = ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 ? ws.ws_col : 80;
  return style;
}

int run(const std::vector<std::string>& argv) {
  Args args(argv, {{"--template", "-t"}, {"--report"}});
  if (args.help()) {
    std::printf("%s%s", kUsage, kExitCodeHelp);
    return kExitOk;
  }
  if (!args.error().empty()) return usage_error("check", args.error());
  if (args.positionals().empty()) return usage_error("check", "expects one or more answers files");

  TemplateCache cache(real_disk(), template_library_from_environment());
  bool invalid = false, incomplete = false;
  std::vector<std::string> reports;
  for (size_t i = 0; i < args.positionals().size(); ++i) {
    const std::string& path = args.positionals()[i];
    Diagnostics diag;
    auto loaded = load_answers_file(path, args.get("--template"), cache, diag);
    std::fputs(diag.to_string().c_str(), stderr);
    if (!loaded) {
      std::fprintf(stderr, "%s: %d error(s)\n", path.c_str(), diag.error_count());
      invalid = true;
      continue;
    }
    const Findings findings = evaluate_checklist(loaded->tmpl->questionnaire, loaded->answers);
    std::printf("%sCheckliste \u201E%s\u201C \u2013 %s\n\n%s\n%s\n", i ? "\n" : "", findings.template_title.c_str(),
                path.c_str(), checklist_table_text(findings, terminal_style()).c_str(),
                checklist_line(findings).c_str());
    incomplete = incomplete || !findings.complete();
    reports.push_back(findings_to_json(findings, path));
  }
  if (args.has("--report")) {
    std::string json;
    if (args.positionals().size() == 1) {
      json = reports.empty() ? "" : reports[0];
    } else {
      json = "[\n";
      for (size_t i = 0; i < reports.size(); ++i) json += (i ? ",\n" : "") + reports[i];
      json += "]\n";
    }
    Diagnostics diag;
    if (!json.empty() && !write_file_atomically(args.get("--report"), json, diag)) {
      std::fputs(diag.to_string().c_str(), stderr);
      return kExitOutputError;
    }
  }
  if (invalid) return kExitInvalidInput;
  return incomplete ? kExitIncomplete : kExitOk;
}

CommandRegistration registration({"check", "validate answers and show the checklist", kUsage, run});

}  // namespace
}  // namespace kovgen::cli
