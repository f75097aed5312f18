// kovgen interview: the questionnaire asked question by question in the terminal.
#include <cstdio>
#include <filesystem>

#include <unistd.h>

#include "args.h"
#include "cli_support.h"
#include "checklist_table.h"
#include "command.h"
#include "process_environment.h"
#include "file_io.h"
#include "interview.h"
#include "pipeline.h"
#include "skeleton.h"
#include "yaml_edit.h"

namespace kovgen::cli {
namespace {

const char* const kUsage =
    "Usage: kovgen interview [--template NAME] [--all] ANSWERS.yaml\n\n"
    "Asks the template's questions in German, section by section, and saves each\n"
    "answer to ANSWERS.yaml right away (atomically), keeping the file's comments\n"
    "and order. A new file starts as the commented skeleton of 'kovgen init'.\n"
    "Run again, it asks only what is still unanswered. Answers are checked at once\n"
    "with the same rules as render; an invalid answer is asked again.\n\n"
    "At each prompt: ? help, - skip, < back one question, x clear the answer,\n"
    "q save and quit, Enter keeps the current answer; a backslash before one of\n"
    "these (\\x, \\q, ...) enters the character itself. Lists are entered item by\n"
    "item (empty line ends), tables entry by entry and field by field. The end\n"
    "of input (Ctrl-D, or the end of piped input) saves and quits.\n\n"
    "Options:\n"
    "  -t, --template NAME   template to use (needed for a new file; default:\n"
    "                        \"vorlage\" in the file)\n"
    "      --all             ask every question again, not only unanswered ones\n\n";

// Standard input and output; input is echoed when it does not come from a terminal,
// so a piped session reads like a typed one.
class TerminalIO : public InterviewIO {
 public:
  std::optional<std::string> read_line() override {
    std::string line;
    int c;
    while ((c = std::fgetc(stdin)) != EOF && c != '\n') line += static_cast<char>(c);
    if (c == EOF && line.empty()) return std::nullopt;
    if (!interactive_) write(line + "\n");
    return line;
  }
  void write(std::string_view text) override {
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
  }

 private:
  bool interactive_ = isatty(STDIN_FILENO) != 0;
};

bool is_blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

int run(const std::vector<std::string>& argv) {
  Args args(argv, {{"--template", "-t"}, {"--all", "", false}});
  if (args.help()) {
    std::printf("%s%s", kUsage, kExitCodeHelp);
    return kExitOk;
  }
  if (!args.error().empty()) return usage_error("interview", args.error());
  if (args.positionals().size() != 1) return usage_error("interview", "expects one answers file");
  const std::string path = args.positionals()[0];

  TemplateCache cache(real_disk(), template_library_from_environment());
  Diagnostics diag;
  std::string text;
  if (std::filesystem::exists(path)) {
    auto read = read_file(path, diag);
    if (!read) {
      std::fputs(diag.to_string().c_str(), stderr);
      return kExitInvalidInput;
    }
    text = std::move(*read);
  }
  if (is_blank(text)) {
    // A new file starts as the commented skeleton.
    if (!args.has("--template"))
      return usage_error("interview", path + " is new or empty: which template? Pass --template NAME");
    auto t = load_named_template(cache, args.get("--template"));
    if (!t) return kExitInvalidInput;
    text = answer_skeleton(t->questionnaire);
    if (int rc = write_output(path, text); rc != kExitOk) return rc;
    std::printf("%s angelegt (Vorlage \u201E%s\u201C).\n", path.c_str(), t->questionnaire.title.c_str());
  }
  if (const std::string problem = yaml_edit_problem(text); !problem.empty()) {
    std::fprintf(stderr, "%s: %s; the interview needs a YAML answers file (start one with kovgen init)\n",
                 path.c_str(), problem.c_str());
    return kExitInvalidInput;
  }
  auto loaded = load_answers(text, path, args.get("--template"), cache, diag);
  if (!loaded) {
    std::fputs(diag.to_string().c_str(), stderr);
    std::fprintf(stderr, "%s: %d error(s); please correct the file first (kovgen check %s)\n", path.c_str(),
                 diag.error_count(), path.c_str());
    return kExitInvalidInput;
  }
  std::fputs(diag.to_string().c_str(), stderr);  // warnings

  TerminalIO io;
  SaveAnswers save = [&](const std::string& yaml) {
    Diagnostics save_diag;
    if (write_file_atomically(path, yaml, save_diag)) return true;
    std::fputs(save_diag.to_string().c_str(), stderr);
    return false;
  };
  InterviewOptions options;
  options.all = args.has("--all");
  const Template& t = loaded->tmpl->questionnaire;
  std::printf("Fragebogen \u201E%s\u201C \u2013 Antworten in %s\n", t.title.c_str(), path.c_str());
  InterviewOutcome outcome = run_interview(t, text, std::move(loaded->answers), io, save, options);
  if (outcome.end == InterviewOutcome::End::save_failed) return kExitOutputError;
  const Findings findings = evaluate_checklist(t, outcome.answers);
  std::printf("\n%s\nPrüfen: kovgen check %s \u00B7 Entwurf: kovgen render %s -o entwurf.docx\n",
              checklist_line(findings).c_str(), path.c_str(), path.c_str());
  return kExitOk;
}

CommandRegistration registration({"interview", "answer the questionnaire question by question", kUsage, run});

}  // namespace
}  // namespace kovgen::cli
