// kovgen diff ALT NEU: two versions of the answers rendered with one template and
// compared as agreements (src/diff/).
#include <cstdio>
#include <functional>
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
#include "run_concurrently.h"

namespace kovgen::cli {
namespace {

const char* const kUsage = N_(
    "Usage: kovgen diff OLD.yaml NEW.yaml [OPTIONS]\n\n"
    "Renders both versions of the answers with the same template and compares the\n"
    "two agreements by section, paragraph, list item and table row, then by words.\n"
    "Without -o the changes are printed as Markdown with CriticMarkup ({++ added ++},\n"
    "{-- removed --}, {~~ old ~> new ~~}). When nothing changed, kovgen says so,\n"
    "writes no file and exits with 0.\n\n"
    "One run can write every document from the one comparison, for example:\n"
    "  kovgen diff alt.yaml neu.yaml -o aenderungen.docx -o aenderungen.pdf \\\n"
    "    --nachtrag nachtrag.docx --nachtrag nachtrag.pdf --synopse synopse.pdf\n"
    "If one file cannot be written, none is.\n\n"
    "Options:\n"
    "  -o, --output FILE        write FILE; its ending picks the format (may be repeated;\n"
    "                           '-' is standard output). FILE.md: Markdown with CriticMarkup;\n"
    "                           FILE.docx: Word document with tracked changes;\n"
    "                           FILE.pdf: the new agreement with change marks, change bars\n"
    "                           in the margin and a first-page summary of the changed sections\n"
    "      --nachtrag FILE      also write the Nachtrag (amendment agreement) to FILE: md,\n"
    "                           docx, xml or pdf (may be repeated)\n"
    "      --synopse FILE       also write the Synopse to FILE: old and new wording side by\n"
    "                           side, per changed section (md, docx, xml or pdf; may be repeated)\n"
    "      --als nachtrag       -o writes the Nachtrag instead of the changes\n"
    "      --als synopse        -o writes the Synopse instead of the changes\n"
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

// The documents one run can write, each to its own group of files.
enum class Document { changes, nachtrag, synopse };

struct OutputGroup {
  Document document;
  std::vector<std::string> paths;
  std::vector<const OutputFormat*> formats;
};

// One file of the change outputs (critic markup, tracked changes, marked PDF)
// from the one comparison.
std::optional<std::string> write_changes_file(const OutputFormat& f, const diff::AgreementDiff& comparison,
                                              const Version& new_version, const WriterOptions& writer,
                                              const std::string& author, Diagnostics& diag) {
  if (f.name == "docx") return diff::write_tracked_changes_docx(comparison, new_version.markdown, writer, {author}, diag);
  if (f.name == "pdf") {
    WriterOptions marked = writer;
    marked.change_marks = true;
    const std::string markdown = diff::marked_agreement_markdown(comparison);
    return f.write(markdown, parse_markdown(markdown).get(), marked, diag);
  }
  return f.write(diff::critic_markup(comparison), nullptr, writer, diag);
}

int run(const std::vector<std::string>& argv) {
  Args args(argv, {{"--output", "-o", true, true}, {"--nachtrag", "", true, true}, {"--synopse", "", true, true},
                   {"--template", "-t"}, {"--autor"}, {"--als"}, {"--nummer"}, {"--vom"}, {"--inkrafttreten"},
                   {"--force", "", false}, {"--quiet", "-q", false}});
  if (!args.error().empty()) return usage_error("diff", args.error());
  if (args.positionals().size() != 2) return usage_error("diff", tr("expects two answers files: the old and the new version"));
  // -o writes the document --als names; --nachtrag and --synopse add their own
  // files, so that one run writes everything from one comparison.
  const std::string kind = args.get("--als", "aenderungen");
  if (kind != "aenderungen" && kind != "nachtrag" && kind != "synopse")
    return usage_error("diff", fill(tr("--als {}: known are aenderungen, nachtrag and synopse"), {kind}));
  const Document output_document = kind == "nachtrag"  ? Document::nachtrag
                                   : kind == "synopse" ? Document::synopse
                                                       : Document::changes;
  std::vector<OutputGroup> groups = {{Document::changes, {}, {}}, {Document::nachtrag, {}, {}}, {Document::synopse, {}, {}}};
  auto group_of = [&](Document d) -> OutputGroup& { return groups[static_cast<size_t>(d)]; };
  if (args.has("--output")) group_of(output_document).paths = args.all("--output");
  for (const auto& [option, document] : {std::pair{"--nachtrag", Document::nachtrag}, std::pair{"--synopse", Document::synopse}})
    if (args.has(option))
      for (const std::string& path : args.all(option)) group_of(document).paths.push_back(path);
  if (!args.has("--output") && !args.has("--nachtrag") && !args.has("--synopse"))
    group_of(output_document).paths = {"-"};
  const bool nachtrag = !group_of(Document::nachtrag).paths.empty();

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
    return usage_error("diff", tr("--nummer, --vom and --inkrafttreten go with a Nachtrag (--als nachtrag or --nachtrag FILE)"));

  for (OutputGroup& group : groups) {
    for (const std::string& output : group.paths) {
      const OutputFormat* f = output == "-" ? find_output_format("md") : find_output_format(output);
      if (!f) return usage_error("diff", unknown_ending_message(output));
      if (group.document == Document::changes && f->name != "md" && f->name != "docx" && f->name != "pdf")
        return usage_error("diff", fill(tr("{}: kovgen diff writes Markdown (.md), Word (.docx) and PDF (.pdf)"), {output}));
      group.formats.push_back(f);
    }
  }

  Version old_version{args.positionals()[0], {}}, new_version{args.positionals()[1], {}};
  if (!render_both(old_version, new_version, args.get("--template"))) return kExitInvalidInput;
  const diff::AgreementDiff comparison(old_version.markdown, new_version.markdown);
  // A new date of the draft ("Stand") alone changes nothing to amend or set side by side.
  std::string nachtrag_document, synopse_document;
  if (comparison.has_changes()) {
    if (nachtrag) nachtrag_document = diff::nachtrag_markdown(comparison, nachtrag_options);
    if (nachtrag && diff::amendment_instructions(comparison).empty()) nachtrag_document.clear();
    if (!group_of(Document::synopse).paths.empty()) synopse_document = diff::synopse_markdown(comparison);
  }
  const bool empty[] = {!comparison.has_changes(), nachtrag_document.empty(), synopse_document.empty()};
  bool anything = false;
  for (const OutputGroup& group : groups) anything = anything || (!group.paths.empty() && !empty[static_cast<size_t>(group.document)]);
  if (!anything) {
    std::fprintf(stderr, "%s\n",
                 fill(tr("{} and {} give the same agreement: no changes, nothing was written."),
                      {old_version.path, new_version.path})
                     .c_str());
    return kExitOk;
  }

  Diagnostics diag;
  RenderSettings settings = render_settings_from_environment(diag);
  settings.writer.source_name = new_version.path;
  const std::string author = args.get("--autor", "kovgen");
  // Every file is one job, and the jobs run on all cores at once: the three PDFs
  // of a full run take most of its time. A Nachtrag's or a Synopse's text is parsed
  // once for all its files (a parsed tree is only read by the writers).
  struct Job {
    std::string path;
    const OutputFormat* format;
    std::optional<std::string> bytes;
    Diagnostics diag;
  };
  std::vector<Job> jobs;
  std::vector<std::function<void()>> tasks;
  std::vector<MarkdownTree> parsed;  // moving a tree keeps its nodes where they are
  size_t file_count = 0;
  for (const OutputGroup& group : groups) file_count += group.paths.size();
  jobs.reserve(file_count);  // the tasks hold references to their jobs
  for (const OutputGroup& group : groups) {
    if (group.paths.empty()) continue;
    if (empty[static_cast<size_t>(group.document)]) {
      // Only the draft's date changed: the change outputs show it, a Nachtrag or
      // a Synopse would have no wording to show.
      std::fprintf(stderr, "%s\n",
                   fill(tr("The wording is unchanged, so a Nachtrag or a Synopse would be empty; not written: {}."),
                        {join_german(group.paths)})
                       .c_str());
      continue;
    }
    const std::string& document = group.document == Document::nachtrag ? nachtrag_document : synopse_document;
    cmark_node* tree = nullptr;
    if (group.document != Document::changes) {
      parsed.push_back(parse_markdown(document));
      tree = parsed.back().get();
    }
    for (size_t i = 0; i < group.paths.size(); ++i) {
      Job& job = jobs.emplace_back(Job{group.paths[i], group.formats[i], std::nullopt, {}});
      if (group.document == Document::changes) {
        tasks.push_back([&job, &comparison, &new_version, &settings, &author] {
          job.bytes = write_changes_file(*job.format, comparison, new_version, settings.writer, author, job.diag);
        });
      } else {
        WriterOptions options = settings.writer;
        options.change_marks = group.document == Document::synopse;
        tasks.push_back([&job, &document, tree, options] {
          job.bytes = job.format->write(document, tree, options, job.diag);
        });
      }
    }
  }
  run_concurrently(tasks, core_count());
  std::vector<OutputFile> files;
  for (Job& job : jobs) {
    diag.append(job.diag);
    if (job.bytes) files.push_back({job.path, std::move(*job.bytes), job.format});
  }
  if (files.size() != jobs.size() || diag.has_errors()) {
    std::fputs(diag.to_string().c_str(), stderr);
    return kExitInvalidInput;
  }
  return write_outputs(files, {args.has("--force"), args.has("--quiet")});
}

CommandRegistration registration({"diff", N_("compare two versions of the answers as agreements"), kUsage, run});

}  // namespace
}  // namespace kovgen::cli
