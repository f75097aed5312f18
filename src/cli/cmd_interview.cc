// kovgen interview: the questionnaire asked question by question in the terminal.
#include <cstdio>
#include <filesystem>

#include "args.h"
#include "cli_support.h"
#include "checklist_table.h"
#include "command.h"
#include "file_io.h"
#include "i18n.h"
#include "text_decoding.h"
#include "interview.h"
#include "line_reader.h"
#include "pipeline.h"
#include "process_environment.h"
#include "skeleton.h"
#include "yaml_edit.h"

namespace kovgen::cli {
namespace {

const char* const kUsage = N_(
    "Usage: kovgen interview [--template NAME] [--all] [--nur-pflicht] ANSWERS.yaml\n\n"
    "Asks the template's questions, section by section, and saves each answer to\n"
    "ANSWERS.yaml right away (atomically), keeping the file's comments and order.\n"
    "A new file starts as the commented skeleton of 'kovgen init'. Run again, it\n"
    "asks only what is still unanswered. Answers are checked at once with the same\n"
    "rules as render; an invalid answer is asked again. Answers in the file that\n"
    "render would reject are asked first, with the old text and the reason.\n\n"
    "At each prompt: ? help, - skip, < back one question, x clear the answer,\n"
    "q save and quit, Enter keeps the current answer; a backslash before one of\n"
    "these (\\x, \\q, ...) enters the character itself. Lists are entered item by\n"
    "item (empty line ends), tables entry by entry and field by field. The end\n"
    "of input (Ctrl-D, or the end of piped input) saves and quits.\n\n"
    "In a terminal, a line can be edited with the arrow keys, Home and End (or\n"
    "Ctrl-A and Ctrl-E); Up and Down bring back earlier answers of the session;\n"
    "an invalid old answer stands in the line to be corrected (Ctrl-U empties it).\n\n"
    "Options:\n"
    "  -t, --template NAME   template to use (needed for a new file; default:\n"
    "                        \"vorlage\" in the file)\n"
    "      --all             ask every question again, not only unanswered ones\n"
    "      --nur-pflicht     ask only required questions: those unanswered or\n"
    "                        invalid (with --all, every required question)\n\n");

// The interview on standard output, its answers from a line reader.
class StdioInterviewIO : public InterviewIO {
 public:
  std::optional<std::string> read_line(std::string_view prompt, std::string_view edit) override {
    return reader_->read_line(prompt, edit);
  }
  void write(std::string_view text) override {
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
  }

 private:
  std::unique_ptr<LineReader> reader_ = line_reader_for_stdio();
};

bool is_blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

void print_errors(const Diagnostics& diag, Severity which) {
  for (const auto& d : diag.items())
    if (d.severity == which) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
}

// load_answers refuses a file with any error. Invalid answers the interview can
// ask again, so when they are the only errors it starts from the valid answers and
// returns the invalid ones in *invalid. Otherwise nullopt, with diag as render's.
std::optional<LoadedAnswers> load_answers_to_fix(const std::string& text, const std::string& path,
                                                 const std::string& template_override, TemplateCache& cache,
                                                 Diagnostics& diag, std::vector<InvalidAnswer>* invalid) {
  if (auto loaded = load_answers(text, path, template_override, cache, diag)) return loaded;
  Diagnostics again;
  auto root = parse_yaml(text, path, again);
  if (!root) return std::nullopt;
  const std::string id = template_override.empty() ? template_id_in(*root) : template_override;
  auto t = id.empty() ? nullptr : cache.get(id, again);
  if (!t) return std::nullopt;
  AnswersToFix read = read_answers_to_fix(*root, t->questionnaire, path, again);
  for (const auto& d : diag.items()) {
    if (d.severity != Severity::error) continue;
    bool can_ask = false;
    for (const auto& a : read.invalid)
      for (const auto& e : a.errors)
        can_ask = can_ask || (e.where.line == d.where.line && e.where.column == d.where.column &&
                              e.where.file == d.where.file && e.message == d.message);
    if (!can_ask) return std::nullopt;
  }
  *invalid = std::move(read.invalid);
  return LoadedAnswers{t, std::move(read.answers)};
}

int run(const std::vector<std::string>& argv) {
  Args args(argv, {{"--template", "-t"}, {"--all", "", false}, {"--nur-pflicht", "", false}});
  if (!args.error().empty()) return usage_error("interview", args.error());
  if (args.positionals().size() != 1) return usage_error("interview", tr("expects one answers file"));
  const std::string path = args.positionals()[0];

  TemplateCache cache(real_disk(), template_library_from_environment());
  Diagnostics diag;
  std::string text;
  if (std::filesystem::exists(path)) {
    auto read = read_file(path, diag);
    // Edited as UTF-8 text in NFC: a UTF-16 or Windows-1252 file is saved back as UTF-8
    // instead of being edited byte-wise into a broken file.
    auto decoded = read ? decode_text(std::move(*read), path, diag) : std::nullopt;
    if (!decoded) {
      std::fputs(diag.to_string().c_str(), stderr);
      return kExitInvalidInput;
    }
    text = std::move(decoded->text);
  }
  if (is_blank(text)) {
    // A new file starts as the commented skeleton.
    if (!args.has("--template"))
      return usage_error("interview",
                         fill(tr("{} is new or empty: which template? Pass --template NAME"), {path}));
    auto t = load_named_template(cache, args.get("--template"));
    if (!t) return kExitInvalidInput;
    text = answer_skeleton(t->questionnaire);
    if (int rc = write_output(path, text); rc != kExitOk) return rc;
    std::printf("%s\n", fill(tr("{} created (template \u201C{}\u201D)."), {path, t->questionnaire.title}).c_str());
  }
  if (const std::string problem = yaml_edit_problem(text); !problem.empty()) {
    std::fprintf(stderr, "%s\n",
                 fill(tr("{}: {}; the interview needs a YAML answers file (start one with kovgen init)"),
                      {path, problem})
                     .c_str());
    return kExitInvalidInput;
  }
  std::vector<InvalidAnswer> invalid;
  auto loaded = load_answers_to_fix(text, path, args.get("--template"), cache, diag, &invalid);
  if (!loaded) {
    std::fputs(diag.to_string().c_str(), stderr);
    std::fprintf(stderr, "%s\n",
                 fill(tr_n("{}: {} error; please correct the file first (kovgen check {})",
                           "{}: {} errors; please correct the file first (kovgen check {})",
                           static_cast<unsigned long>(diag.error_count())),
                      {path, std::to_string(diag.error_count()), path})
                     .c_str());
    return kExitInvalidInput;
  }
  print_errors(diag, Severity::warning);

  StdioInterviewIO io;
  SaveAnswers save = [&](const std::string& yaml) {
    Diagnostics save_diag;
    if (write_file_atomically(path, yaml, save_diag)) return true;
    std::fputs(save_diag.to_string().c_str(), stderr);
    return false;
  };
  InterviewOptions options;
  options.all = args.has("--all");
  options.only_required = args.has("--nur-pflicht");
  const Template& t = loaded->tmpl->questionnaire;
  std::printf("%s\n", fill(tr("Questionnaire \u201C{}\u201D \u2013 answers in {}"), {t.title, path}).c_str());
  InterviewOutcome outcome = run_interview(t, text, std::move(loaded->answers), io, save, options, invalid);
  if (outcome.end == InterviewOutcome::End::save_failed) return kExitOutputError;
  const Findings findings = evaluate_checklist(t, outcome.answers);
  std::printf("\n%s\n%s\n", checklist_line(findings).c_str(),
              fill(tr("Check: kovgen check {} \u00B7 draft: kovgen render {} -o entwurf.docx"), {path, path}).c_str());
  // Answers left invalid (skipped, or not asked with --nur-pflicht) still stop
  // render: said where they are, as render would say it.
  Diagnostics after;
  if (!load_answers(outcome.yaml_text, path, args.get("--template"), cache, after)) {
    std::fflush(stdout);
    print_errors(after, Severity::error);
    const auto n = static_cast<unsigned long>(after.error_count());
    std::fprintf(stderr, "%s\n",
                 fill(tr_n("{}: {} answer is still invalid; render refuses the file until it is corrected "
                           "(kovgen interview {} asks for it first).",
                           "{}: {} answers are still invalid; render refuses the file until they are corrected "
                           "(kovgen interview {} asks for them first).",
                           n),
                      {path, std::to_string(n), path})
                     .c_str());
  }
  return kExitOk;
}

CommandRegistration registration({"interview", N_("answer the questionnaire question by question"), kUsage, run});

}  // namespace
}  // namespace kovgen::cli
