// kovgen diff ALT NEU: two versions of the answers rendered with one template and
// compared as agreements (src/diff/).
#include <cstdio>
#include <optional>
#include <utility>

#include "agreement_diff.h"
#include "args.h"
#include "cli_support.h"
#include "command.h"
#include "critic_markup.h"
#include "marked_agreement.h"
#include "docx_tracked_changes.h"
#include "german_format.h"
#include "nachtrag.h"
#include "synopse.h"
#include "i18n.h"
#include "output_formats.h"
#include "pipeline.h"
#include "process_environment.h"

namespace kovgen::cli {
namespace {

const char* const kUsage = N_(
    "Usage: kovgen diff OLD.yaml NEW.yaml [OPTIONS]\n\n"
    "Renders both versions of the answers with the same template and compares the\n"
    "two agreements by section, paragraph, list item and table row, then by words.\n"
    "Without -o the changes are printed as Markdown with CriticMarkup ({++ added ++},\n"
    "{-- removed --}, {~~ old ~> new ~~}). When nothing changed, kovgen says so,\n"
    "writes no file and exits with 0.\n\n"
    "Options:\n"
    "  -o, --output FILE        write FILE; its ending picks the format (may be repeated;\n"
    "                           '-' is standard output). FILE.md: Markdown with CriticMarkup;\n"
    "                           FILE.docx: Word document with tracked changes;\n"
    "                           FILE.pdf: the new agreement with change marks, change bars\n"
    "                           in the margin and a first-page summary of the changed sections\n"
    "      --als nachtrag       write the Nachtrag (amendment agreement) instead: md, docx,\n"
    "                           xml or pdf\n"
    "      --als synopse        write the Synopse instead: old and new wording side by side,\n"
    "                           per changed section (md, docx, xml or pdf)\n"
    "      --nummer N           number of the Nachtrag (default: 1, \"Erster Nachtrag\")\n"
    "      --vom DATE           date of the original agreement (2026-03-30 or 30.03.2026)\n"
    "      --inkrafttreten DATE date the Nachtrag takes effect\n"
    "      --autor NAME         author of the tracked changes in Word (default: kovgen)\n"
    "  -t, --template NAME      template for both versions (default: \"vorlage\" in NEW)\n"
    "      --force              replace outputs even if edited by hand\n"
    "  -q, --quiet              do not list the files written\n\n");

struct Version {
  std::string path;
  std::string markdown;
};

// Both versions as agreements, without the checklist appendix, which is no part
// of what is signed. False after printing the errors.
bool render_both(Version& old_version, Version& new_version, const std::string& template_option) {
  TemplateCache cache(real_disk(), template_library_from_environment());
  Diagnostics diag;
  RenderSettings settings = render_settings_from_environment(diag);
  settings.compose.without_checklist = true;
  auto loaded_new = load_answers_file(new_version.path, template_option, cache, diag);
  // The old answers are read with the new version's template, so that only the
  // answers differ.
  const std::string template_id = loaded_new ? loaded_new->tmpl->questionnaire.id : template_option;
  auto loaded_old = load_answers_file(old_version.path, template_id, cache, diag);
  if (!loaded_old || !loaded_new || diag.has_errors()) {
    std::fputs(diag.to_string().c_str(), stderr);
    std::fprintf(stderr, "%s\n", tr("kovgen diff: nothing was written."));
    return false;
  }
  std::fputs(diag.to_string().c_str(), stderr);
  old_version.markdown = make_draft(*loaded_old->tmpl, loaded_old->answers, settings.compose).markdown;
  new_version.markdown = make_draft(*loaded_new->tmpl, loaded_new->answers, settings.compose).markdown;
  return true;
}

int run(const std::vector<std::string>& argv) {
  Args args(argv, {{"--output", "-o", true, true}, {"--template", "-t"}, {"--autor"}, {"--als"}, {"--nummer"}, {"--vom"}, {"--inkrafttreten"}, {"--force", "", false}, {"--quiet", "-q", false}});
  if (!args.error().empty()) return usage_error("diff", args.error());
  if (args.positionals().size() != 2) return usage_error("diff", tr("expects two answers files: the old and the new version"));
  const std::string kind = args.get("--als", "aenderungen");
  const bool nachtrag = kind == "nachtrag";
  const bool synopse = kind == "synopse";
  // Documents of their own, written by the ordinary writers in every format.
  const bool whole_document = nachtrag || synopse;
  if (!whole_document && kind != "aenderungen")
    return usage_error("diff", fill(tr("--als {}: known are aenderungen, nachtrag and synopse"), {kind}));
  diff::NachtragOptions nachtrag_options;
  if (args.has("--nummer")) {
    const std::string n = args.get("--nummer");
    if (n.empty() || n.size() > 2 || n.find_first_not_of("0123456789") != std::string::npos || std::stoi(n) < 1)
      return usage_error("diff", fill(tr("--nummer {}: the number of the Nachtrag is a whole number from 1 to 99"), {n}));
    nachtrag_options.number = std::stoi(n);
  }
  for (const auto& [option, target] : {std::pair{"--vom", &nachtrag_options.original_date},
                                       std::pair{"--inkrafttreten", &nachtrag_options.effective_date}}) {
    if (!args.has(option)) continue;
    const auto date = parse_date_option(args.get(option));
    if (!date) return usage_error("diff", fill(tr("{} {}: not a date; write it as 2026-03-30 or 30.03.2026"), {option, args.get(option)}));
    *target = format_date_long(*date);
  }
  if (!nachtrag && (args.has("--nummer") || args.has("--vom") || args.has("--inkrafttreten")))
    return usage_error("diff", tr("--nummer, --vom and --inkrafttreten go with --als nachtrag"));

  std::vector<std::string> outputs = args.has("--output") ? args.all("--output") : std::vector<std::string>{"-"};
  std::vector<const OutputFormat*> formats;
  for (const std::string& output : outputs) {
    const OutputFormat* f = output == "-" ? find_output_format("md") : find_output_format(output);
    if (!f) return usage_error("diff", unknown_ending_message(output));
    if (!whole_document && f->name != "md" && f->name != "docx" && f->name != "pdf")
      return usage_error("diff", fill(tr("{}: kovgen diff writes Markdown (.md), Word (.docx) and PDF (.pdf)"), {output}));
    formats.push_back(f);
  }

  Version old_version{args.positionals()[0], {}}, new_version{args.positionals()[1], {}};
  if (!render_both(old_version, new_version, args.get("--template"))) return kExitInvalidInput;
  const diff::AgreementDiff comparison(old_version.markdown, new_version.markdown);
  // A new date of the draft ("Stand") alone changes nothing to amend.
  const std::string document = nachtrag ? diff::nachtrag_markdown(comparison, nachtrag_options)
                               : synopse  ? diff::synopse_markdown(comparison)
                                          : std::string();
  if (!comparison.has_changes() || (nachtrag && diff::amendment_instructions(comparison).empty()) ||
      (synopse && document.empty())) {
    std::fprintf(stderr, "%s\n",
                 fill(tr("{} and {} give the same agreement: no changes, nothing was written."),
                      {old_version.path, new_version.path})
                     .c_str());
    return kExitOk;
  }

  Diagnostics diag;
  RenderSettings settings = render_settings_from_environment(diag);
  settings.writer.source_name = new_version.path;
  std::vector<std::string> bytes;
  if (whole_document) {
    settings.writer.change_marks = synopse;
    auto written = write_formats(document, formats, settings.writer, diag);
    if (!written || diag.has_errors()) {
      std::fputs(diag.to_string().c_str(), stderr);
      return kExitInvalidInput;
    }
    bytes = std::move(*written);
  }
  for (const OutputFormat* f : whole_document ? std::vector<const OutputFormat*>{} : formats) {
    std::optional<std::string> written;
    if (f->name == "docx") {
      written = diff::write_tracked_changes_docx(comparison, new_version.markdown, settings.writer,
                                                 {args.get("--autor", "kovgen")}, diag);
    } else if (f->name == "pdf") {
      WriterOptions marked = settings.writer;
      marked.change_marks = true;
      if (auto pdf = write_formats(diff::marked_agreement_markdown(old_version.markdown, new_version.markdown), {f},
                                   marked, diag))
        written = std::move(pdf->front());
    } else if (auto md = write_formats(diff::critic_markup(comparison), {f}, settings.writer, diag)) {
      written = std::move(md->front());
    }
    if (!written || diag.has_errors()) {
      std::fputs(diag.to_string().c_str(), stderr);
      return kExitInvalidInput;
    }
    bytes.push_back(std::move(*written));
  }
  std::vector<OutputFile> files;
  for (size_t i = 0; i < outputs.size(); ++i) files.push_back({outputs[i], std::move(bytes[i]), formats[i]});
  return write_outputs(files, {args.has("--force"), args.has("--quiet")});
}

CommandRegistration registration({"diff", N_("compare two versions of the answers as agreements"), kUsage, run});

}  // namespace
}  // namespace kovgen::cli
