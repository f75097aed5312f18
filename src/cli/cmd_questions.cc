// kovgen questions: the questionnaire as a Word form (docx) or a printable handout (md, pdf).
#include <cstdio>
#include <optional>
#include <set>

#include "args.h"
#include "command.h"
#include "i18n.h"
#include "process_environment.h"
#include "cli_support.h"
#include "output_formats.h"
#include "docx_form.h"
#include "pipeline.h"
#include "questionnaire_form.h"
#include "questionnaire_markdown.h"

namespace kovgen::cli {
namespace {

const char* const kUsage = N_(
    "Usage: kovgen questions --template NAME [-o FRAGEBOGEN.md|.docx|.pdf]\n"
    "                        [--abschnitte ID,...] [--antworten ANSWERS.yaml]\n\n"
    "Writes the template's questionnaire for partners who prefer to answer on\n"
    "paper or in Word: sections under their development step, each question with\n"
    "its help text and choices. As .docx it is a Word form: every answer goes into\n"
    "a field (text, date, list to choose from, check box, table with rows to add),\n"
    "and 'kovgen import' reads the filled-in form back. As .md and .pdf it is a\n"
    "handout with boxes to tick and lines to write on. The file ending picks the\n"
    "format. Without -o, the Markdown goes to standard output.\n\n"
    "Options:\n"
    "  -t, --template NAME      template to use (see 'kovgen templates')\n"
    "  -o, --output FILE        write FILE; its ending picks the format\n"
    "      --abschnitte IDS     only these sections (ids separated by commas), e.g.\n"
    "                           for one partner\n"
    "      --antworten FILE     fill the Word form with the answers known so far\n"
    "      --reference-docx F   take Word styles and page setup from F\n\n");

std::string known_formats() {
  std::string list;
  for (const auto& f : output_formats()) list += (list.empty() ? "" : ", ") + f.extension;
  return list;
}

// --abschnitte: the ids, each checked against the template.
std::optional<std::set<std::string>> chosen_sections(const Args& args, const Template& t) {
  std::set<std::string> ids;
  if (!args.has("--abschnitte")) return ids;
  const std::string list = args.get("--abschnitte");
  size_t from = 0;
  while (from <= list.size()) {
    size_t to = list.find(',', from);
    if (to == std::string::npos) to = list.size();
    std::string id = list.substr(from, to - from);
    while (!id.empty() && id.front() == ' ') id.erase(0, 1);
    while (!id.empty() && id.back() == ' ') id.pop_back();
    if (!id.empty()) {
      if (!t.find_section(id)) {
        std::string known;
        for (const auto& s : t.sections) known += (known.empty() ? "" : ", ") + s.id;
        usage_error("questions", fill(tr("template {} has no section {}; its sections are: {}"),
                                      {t.id, quoted_value(id), known}));
        return std::nullopt;
      }
      ids.insert(id);
    }
    from = to + 1;
  }
  return ids;
}

int run(const std::vector<std::string>& argv) {
  Args args(argv, {{"--template", "-t"}, {"--output", "-o"}, {"--reference-docx"}, {"--abschnitte"}, {"--antworten"},
                   {"--quiet", "-q", false}});
  if (!args.error().empty()) return usage_error("questions", args.error());
  if (!args.positionals().empty()) return usage_error("questions", tr("takes no arguments; name the output file with -o FILE"));
  if (!args.has("--template")) return usage_error("questions", tr("which questionnaire? Name its template with --template NAME"));
  const OutputFormat* format = nullptr;
  if (args.has("--output")) {
    format = find_output_format(args.get("--output"));
    if (!format)
      return usage_error("questions", fill(tr("cannot write {}: its ending names no format this build writes ({})"),
                                           {quoted_value(args.get("--output")), known_formats()}));
  }
  const bool word_form = format && format->extension == ".docx";
  if (args.has("--antworten") && !word_form)
    return usage_error("questions", tr("--antworten fills in the Word form only; name a .docx file with -o"));

  TemplateCache cache(real_disk(), template_library_from_environment());
  auto t = load_named_template(cache, args.get("--template"));
  if (!t) return kExitInvalidInput;
  const auto sections = chosen_sections(args, t->questionnaire);
  if (!sections) return kExitUsage;
  Diagnostics diag;
  std::optional<LoadedAnswers> known;
  if (args.has("--antworten")) {
    known = load_answers_file(args.get("--antworten"), t->questionnaire.id, cache, diag);
    if (!known) {
      std::fputs(diag.to_string().c_str(), stderr);
      return kExitInvalidInput;
    }
  }
  HandoutVariant handout;
  handout.sections = *sections;
  const QuestionnaireForm form =
      word_form ? questionnaire_form(t->questionnaire, *sections, known ? &known->answers : nullptr) : QuestionnaireForm{};
  const std::string markdown = word_form ? form.markdown : questionnaire_markdown(t->questionnaire, handout);
  if (!format) return write_output("", markdown);
  MarkdownTree tree = parse_markdown(markdown);
  WriterOptions options = render_settings_from_environment(diag).writer;
  options.source_name = t->questionnaire.directory + "/template.yaml";
  std::optional<std::string> bytes;
  if (load_reference_option(args, {format}, options, diag))
    bytes = word_form ? write_docx_form(tree.get(), options, form.controls, diag)
                      : format->write(markdown, tree.get(), options, diag);
  if (!bytes) {
    std::fputs(diag.to_string().c_str(), stderr);
    return kExitInvalidInput;
  }
  std::fputs(diag.to_string().c_str(), stderr);  // warnings
  return write_output(args.get("--output"), *bytes, args.has("--quiet"));
}

CommandRegistration registration({"questions", N_("write the questionnaire as a Word form or a printable handout"), kUsage, run});

}  // namespace
}  // namespace kovgen::cli
