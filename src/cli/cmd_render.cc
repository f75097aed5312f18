// kovgen render ANSWERS: the questionnaire answers as an agreement draft.
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "args.h"
#include "checklist_table.h"
#include "cli_support.h"
#include "command.h"
#include "file_io.h"
#include "i18n.h"
#include "output_formats.h"
#include "pipeline.h"
#include "process_environment.h"
#include "render_command.h"
#include "vorlage_previous.h"
#include "report_json.h"

namespace kovgen::cli {
namespace {

const char* const kUsage = N_(
    "Usage: kovgen render ANSWERS.yaml [OPTIONS]\n\n"
    "Merges the answers (YAML or JSON) with their template into an agreement draft.\n"
    "Incomplete checklist sections are flagged in the draft. Without -o or --out,\n"
    "the draft is written next to the answers file, named after it, as Markdown,\n"
    "DOCX and PDF (or the formats given with --format). ANSWERS '-' reads standard\n"
    "input; then, and with '-o -', the draft goes to standard output (Markdown, or\n"
    "the one format given with --format).\n\n"
    "All or nothing: if one output or the report cannot be written, none is. A file\n"
    "that kovgen did not write, or that was changed after kovgen wrote it (a draft\n"
    "edited by hand), is never replaced without --force (exit code 4).\n\n"
    "Options:\n"
    "  -t, --template NAME      template to use (default: \"vorlage\" in the file)\n"
    "  -o, --output FILE        write FILE; its ending picks the format (may be repeated;\n"
    "                           '-' is standard output)\n"
    "      --out DIR            write every format in --format into DIR\n"
    "      --name NAME          file name (without ending) in DIR (default: answers file name)\n"
    "  -f, --format LIST        comma list of md,docx,xml,pdf (with --out default: all\n"
    "                           available; next to the answers: md,docx,pdf)\n"
    "      --report FILE.json   write the checklist findings as JSON\n"
    "      --strict             exit with 3 when the draft is not ready to sign\n"
    "      --draft              mark the documents as ENTWURF even when ready to sign\n"
    "      --ohne-checkliste    leave out the checklist appendix (a final version never has it)\n"
    "      --anlagen getrennt   write each annex as a file of its own (NAME-anlage-3.pdf, ...)\n"
    "                           instead of appending it to the agreement\n"
    "      --reference-docx F   take Word styles and page setup from F\n"
    "      --force              replace outputs even if edited by hand\n"
    "  -q, --quiet              do not list the files written\n\n"
    "The date \"Stand\" comes from meta.stand, else from SOURCE_DATE_EPOCH.\n\n");

int run(const std::vector<std::string>& argv) { return render_documents(argv, {"render", false}); }

CommandRegistration registration({"render", N_("merge answers with their template into a draft"), kUsage, run});

}  // namespace

int render_documents(const std::vector<std::string>& argv, const RenderCommand& command) {
  std::vector<OptionSpec> specs = {{"--template", "-t"}, {"--output", "-o", true, true}, {"--out"}, {"--name"}, {"--format", "-f"},
                   {"--report"}, {"--strict", "", false}, {"--draft", "", false}, {"--ohne-checkliste", "", false}, {"--reference-docx"},
                   {"--force", "", false}, {"--quiet", "-q", false}, {"--anlagen"}};
  if (command.council_paper) specs.push_back({"--gremium"});
  if (command.council_paper) specs.push_back({"--vorher"});
  Args args(argv, specs);
  const char* const name = command.name;
  if (!args.error().empty()) return usage_error(name, args.error());
  const std::string gremium = args.get("--gremium");
  const std::string annexes = args.get("--anlagen", "angehaengt");
  if (annexes != "getrennt" && annexes != "angehaengt")
    return usage_error(name, tr("--anlagen takes getrennt (each annex its own file) or angehaengt"));
  if (command.council_paper && gremium != "Schulausschuss" && gremium != "Jugendhilfeausschuss" && gremium != "Rat")
    return usage_error(name, tr("--gremium takes Schulausschuss, Jugendhilfeausschuss or Rat"));
  if (args.positionals().size() != 1) return usage_error(name, tr("expects one answers file (or - for standard input)"));
  if (args.has("--output") && args.has("--out")) return usage_error(name, tr("use either -o or --out"));
  // Silently ignored, either would leave the user wondering where the file went.
  if (args.has("--name") && !args.has("--out")) return usage_error(name, tr("--name goes with --out"));

  const std::string answers_arg = args.positionals()[0];
  const bool from_stdin = answers_arg == "-";
  const std::string answers_path = from_stdin ? "/dev/stdin" : answers_arg;
  const std::vector<std::string> outputs = args.has("--output") ? args.all("--output") : std::vector<std::string>{};
  // A pipe or /dev/stdin has no folder to write next to.
  const bool streamed = from_stdin || !is_regular_file(answers_path);
  const bool to_stdout = (streamed && outputs.empty() && !args.has("--out")) ||
                         std::find(outputs.begin(), outputs.end(), "-") != outputs.end();
  if (to_stdout && outputs.size() > 1) return usage_error(name, tr("-o - writes one format only; give no other -o"));
  if (args.has("--format") && !outputs.empty() && !to_stdout)
    return usage_error(name, tr("-f goes with --out; -o takes the format from the file's ending"));

  if (annexes == "getrennt" && to_stdout)
    return usage_error(name, tr("--anlagen getrennt writes a file per annex; give -o FILE or --out"));
  Diagnostics diag;
  // Each output: its path and format.
  std::vector<std::pair<std::string, const OutputFormat*>> targets;
  if (to_stdout) {
    auto list = parse_format_list(args.get("--format", "md"), diag);
    if (!list) return usage_error(name, diag);
    if (list->size() != 1) return usage_error(name, tr("standard output takes one format; give one with --format"));
    targets.emplace_back("-", list->front());
  } else if (!outputs.empty()) {
    for (const std::string& output : outputs) {
      const OutputFormat* f = find_output_format(output);
      if (!f) return usage_error(name, unknown_ending_message(output));
      for (const auto& earlier : targets)
        if (earlier.first == output) return usage_error(name, fill(tr("{} is given twice"), {output}));
      targets.emplace_back(output, f);
    }
  } else {
    // With --out into that folder; else next to the answers, named after them.
    std::optional<std::vector<const OutputFormat*>> list;
    if (args.has("--out") || args.has("--format")) list = parse_format_list(args.get("--format"), diag);
    else list = batch_default_formats();
    if (!list) return usage_error(name, diag);
    const std::filesystem::path answers(answers_path);
    const std::string stem =
        args.get("--name", answers.stem().string() + (command.council_paper ? "-beschlussvorlage" : ""));
    const std::filesystem::path folder = args.has("--out") ? std::filesystem::path(args.get("--out")) : answers.parent_path();
    for (const OutputFormat* f : *list) targets.emplace_back((folder / (stem + f->extension)).string(), f);
  }

  TemplateCache cache(real_disk(), template_library_from_environment());
  RenderSettings settings = render_settings_from_environment(diag);
  auto loaded = load_answers_file(answers_path, args.get("--template"), cache, diag);
  if (!loaded) {
    std::fputs(diag.to_string().c_str(), stderr);
    std::fprintf(stderr, "%s\n",
                 fill(tr_n("{}: {} error; nothing was written", "{}: {} errors; nothing was written",
                           static_cast<unsigned long>(diag.error_count())),
                      {answers_path, std::to_string(diag.error_count())})
                     .c_str());
    return kExitInvalidInput;
  }
  if (command.council_paper && !loaded->tmpl->council_paper) {
    std::fprintf(stderr, "%s\n",
                 fill(tr("template \"{}\" has no Beschlussvorlage; nothing was written"),
                      {loaded->tmpl->questionnaire.id})
                     .c_str());
    return kExitInvalidInput;
  }
  settings.compose.council_paper_for = gremium;
  settings.compose.force_draft = args.has("--draft");
  settings.compose.without_checklist = args.has("--ohne-checkliste");
  settings.compose.annexes_separate = annexes == "getrennt" && !command.council_paper;
  std::string synopse;  // vorlage --vorher: written next to each output
  if (args.has("--vorher")) {
    auto previous = compare_with_previous(args.get("--vorher"), *loaded, cache, settings.compose, diag);
    if (!previous) {
      std::fputs(diag.to_string().c_str(), stderr);
      std::fprintf(stderr, "%s\n", fill(tr("{}: the previous answers have errors; nothing was written"), {args.get("--vorher")}).c_str());
      return kExitInvalidInput;
    }
    settings.compose.previous_changes = previous->changes;
    if (!to_stdout) synopse = previous->synopse;
    settings.compose.synopse_attached = !synopse.empty();
  }
  Draft draft = make_draft(*loaded->tmpl, loaded->answers, settings.compose);

  // Produce every output in memory first, so an error leaves no partial set.
  WriterOptions& writer_options = settings.writer;
  writer_options.force_draft = args.has("--draft") || !is_ready_to_sign(draft.findings);
  writer_options.source_name = answers_path;
  std::vector<const OutputFormat*> formats;
  for (const auto& t : targets) formats.push_back(t.second);
  auto bytes = load_reference_option(args, formats, writer_options, diag)
                   ? write_formats(draft.markdown, formats, writer_options, diag)
                   : std::nullopt;
  if (!bytes || diag.has_errors()) {
    std::fputs(diag.to_string().c_str(), stderr);
    return kExitInvalidInput;
  }
  // --anlagen getrennt: each annex as a document of its own, next to each output.
  std::vector<OutputFile> annex_files;
  if (settings.compose.annexes_separate)
    for (const AnnexDeclaration& a : loaded->tmpl->questionnaire.annexes) {
      ComposeOptions alone = settings.compose;
      alone.annex_only = a.number;
      auto annex_bytes = write_formats(make_draft(*loaded->tmpl, loaded->answers, alone).markdown, formats,
                                       writer_options, diag);
      if (!annex_bytes || diag.has_errors()) {
        std::fputs(diag.to_string().c_str(), stderr);
        return kExitInvalidInput;
      }
      for (size_t i = 0; i < targets.size(); ++i) {
        std::filesystem::path path(targets[i].first);
        path.replace_filename(path.stem().string() + "-anlage-" + std::to_string(a.number) +
                              path.extension().string());
        annex_files.push_back({path.string(), std::move((*annex_bytes)[i]), targets[i].second});
      }
    }
  if (!synopse.empty()) {
    WriterOptions synopse_options = writer_options;
    synopse_options.change_marks = true;
    synopse_options.force_draft = false;
    auto synopse_bytes = write_formats(synopse, formats, synopse_options, diag);
    if (!synopse_bytes || diag.has_errors()) {
      std::fputs(diag.to_string().c_str(), stderr);
      return kExitInvalidInput;
    }
    for (size_t i = 0; i < targets.size(); ++i) {
      std::filesystem::path path(targets[i].first);
      path.replace_filename(path.stem().string() + "-synopse" + path.extension().string());
      annex_files.push_back({path.string(), std::move((*synopse_bytes)[i]), targets[i].second});
    }
  }
  std::fputs(diag.to_string().c_str(), stderr);  // warnings
  diag = Diagnostics();
  if (args.has("--out") && !make_directories(args.get("--out"), diag)) {
    std::fputs(diag.to_string().c_str(), stderr);
    return kExitOutputError;
  }
  std::vector<OutputFile> files;
  for (size_t i = 0; i < targets.size(); ++i) files.push_back({targets[i].first, std::move((*bytes)[i]), targets[i].second});
  for (OutputFile& f : annex_files) files.push_back(std::move(f));
  if (args.has("--report")) files.push_back({args.get("--report"), findings_to_json(draft.findings, answers_path), nullptr});

  std::fprintf(stderr, "%s: %s\n%s: %s\n", answers_path.c_str(), checklist_line(draft.findings).c_str(),
               answers_path.c_str(), readiness_line(draft.findings).c_str());
  if (int rc = write_outputs(files, {args.has("--force"), args.has("--quiet")}); rc != kExitOk) return rc;
  if (args.has("--strict") && !is_ready_to_sign(draft.findings)) return kExitIncomplete;
  return kExitOk;
}

}  // namespace kovgen::cli
