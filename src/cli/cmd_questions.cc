// kovgen questions: the questionnaire as a printable handout (md, docx, pdf).
#include <cstdio>

#include "args.h"
#include "command.h"
#include "i18n.h"
#include "process_environment.h"
#include "cli_support.h"
#include "output_formats.h"
#include "questionnaire_markdown.h"

namespace kovgen::cli {
namespace {

const char* const kUsage = N_(
    "Usage: kovgen questions --template NAME [-o FRAGEBOGEN.md|.docx|.pdf]\n\n"
    "Writes the template's questionnaire as a handout for partners who prefer to\n"
    "answer on paper or in Word: sections under their development step, each\n"
    "question with its help text and choices, boxes to tick and lines to write on.\n"
    "The file ending picks the format. Without -o, the Markdown goes to standard\n"
    "output.\n\n"
    "Options:\n"
    "  -t, --template NAME      template to use (see 'kovgen templates')\n"
    "  -o, --output FILE        write FILE; its ending picks the format\n"
    "      --reference-docx F   take Word styles and page setup from F\n\n");

std::string known_formats() {
  std::string list;
  for (const auto& f : output_formats()) list += (list.empty() ? "" : ", ") + f.extension;
  return list;
}

int run(const std::vector<std::string>& argv) {
  Args args(argv, {{"--template", "-t"}, {"--output", "-o"}, {"--reference-docx"}, {"--quiet", "-q", false}});
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

  TemplateCache cache(real_disk(), template_library_from_environment());
  auto t = load_named_template(cache, args.get("--template"));
  if (!t) return kExitInvalidInput;
  const std::string markdown = questionnaire_markdown(t->questionnaire);
  if (!format) return write_output("", markdown);
  Diagnostics diag;
  MarkdownTree tree = parse_markdown(markdown);
  WriterOptions options = render_settings_from_environment(diag).writer;
  options.source_name = t->questionnaire.directory + "/template.yaml";
  auto bytes = load_reference_option(args, {format}, options, diag) ? format->write(markdown, tree.get(), options, diag)
                                                                     : std::nullopt;
  if (!bytes) {
    std::fputs(diag.to_string().c_str(), stderr);
    return kExitInvalidInput;
  }
  std::fputs(diag.to_string().c_str(), stderr);  // warnings
  return write_output(args.get("--output"), *bytes, args.has("--quiet"));
}

CommandRegistration registration({"questions", N_("write the questionnaire as a printable handout"), kUsage, run});

}  // namespace
}  // namespace kovgen::cli
