// kovgen check: validates an answers file and shows the checklist as a table.
#include <cstdio>
#include <cstdlib>

#include <sys/ioctl.h>
#include <unistd.h>

#include "args.h"
#include "checklist_table.h"
#include "command.h"
#include "file_io.h"
#include "i18n.h"
#include "process_environment.h"
#include "pipeline.h"
#include "report_json.h"

namespace kovgen::cli {
namespace {

const char* const kUsage = N_(
    "Usage: kovgen check [--template NAME] [--report FILE.json] ANSWERS.yaml...\n\n"
    "Validates the answers (YAML or JSON) against their template, composes the\n"
    "draft and prints the checklist: one row per section, under its heading in the\n"
    "draft (\"§ 10 Personal\"), with its status and the missing items; then whether\n"
    "the draft is ready to sign: every mandatory section complete and no\n"
    "placeholder \"[offen: …]\" left. Missing recommended sections are listed but do\n"
    "not block. Colours are used on a terminal unless NO_COLOR is set.\n\n"
    "Options:\n"
    "  -t, --template NAME   template to use (default: \"vorlage\" in the file)\n"
    "      --report FILE     write the findings as JSON (as render --report; for\n"
    "                        several files, a list with one entry per valid file)\n\n"
    "Exit codes of check: 0 every file ready to sign, 3 some draft not yet ready\n"
    "to sign, 1 a file is invalid (every problem is listed), 2 wrong command line.\n\n");

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
  if (!args.error().empty()) return usage_error("check", args.error());
  if (args.positionals().empty()) return usage_error("check", tr("expects one or more answers files"));

  TemplateCache cache(real_disk(), template_library_from_environment());
  Diagnostics settings_diag;
  // The Stand date as render finds it (SOURCE_DATE_EPOCH), so both agree.
  const ComposeOptions compose_options = render_settings_from_environment(settings_diag).compose;
  std::fputs(settings_diag.to_string().c_str(), stderr);
  bool invalid = false, incomplete = false;
  std::vector<std::string> reports;
  for (size_t i = 0; i < args.positionals().size(); ++i) {
    const std::string& path = args.positionals()[i];
    Diagnostics diag;
    auto loaded = load_answers_file(path, args.get("--template"), cache, diag);
    std::fputs(diag.to_string().c_str(), stderr);
    if (!loaded) {
      std::fprintf(stderr, "%s\n",
                   fill(tr_n("{}: {} error", "{}: {} errors", diag.error_count()), {path, std::to_string(diag.error_count())})
                       .c_str());
      invalid = true;
      continue;
    }
    // Composed, because only the draft's text shows its headings and placeholders.
    const Findings findings = make_draft(*loaded->tmpl, loaded->answers, compose_options).findings;
    std::printf("%s%s\n\n%s\n%s\n%s\n", i ? "\n" : "",
                fill(tr("Checklist “{}” – {} – as of {}"), {findings.template_title, path, findings.stand}).c_str(),
                checklist_table_text(findings, terminal_style()).c_str(), checklist_line(findings).c_str(),
                readiness_line(findings).c_str());
    incomplete = incomplete || !is_ready_to_sign(findings);
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

CommandRegistration registration({"check", N_("validate answers and show whether the draft is ready to sign"), kUsage,
                                  run});

}  // namespace
}  // namespace kovgen::cli
