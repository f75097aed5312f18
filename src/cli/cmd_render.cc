// kovgen render ANSWERS: the questionnaire answers as an agreement draft.
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "args.h"
#include "checklist_table.h"
#include "cli_support.h"
#include "command.h"
#include "process_environment.h"
#include "file_io.h"
#include "output_formats.h"
#include "pipeline.h"
#include "report_json.h"

namespace kovgen::cli {
namespace {

const char* const kUsage =
    "Usage: kovgen render ANSWERS.yaml [OPTIONS]\n\n"
    "Merges the answers (YAML or JSON) with their template into an agreement draft.\n"
    "Incomplete checklist sections are flagged in the draft. Without -o or --out,\n"
    "the Markdown draft goes to standard output.\n\n"
    "Options:\n"
    "  -t, --template NAME      template to use (default: \"vorlage\" in the file)\n"
    "  -o, --output FILE        write one file; its ending picks the format\n"
    "      --out DIR            write every format in --format into DIR\n"
    "      --name NAME          file name (without ending) in DIR (default: answers file name)\n"
    "  -f, --format LIST        comma list of md,docx,xml,pdf (default: all available)\n"
    "      --report FILE.json   write the checklist findings as JSON\n"
    "      --strict             exit with 3 when a mandatory section is incomplete\n"
    "      --draft              mark the documents as ENTWURF even when complete\n"
    "      --reference-docx F   take Word styles and page setup from F\n\n"
    "The date \"Stand\" comes from meta.stand, else from SOURCE_DATE_EPOCH.\n\n";

int run(const std::vector<std::string>& argv) {
  Args args(argv, {{"--template", "-t"}, {"--output", "-o"}, {"--out"}, {"--name"}, {"--format", "-f"},
                   {"--report"}, {"--strict", "", false}, {"--draft", "", false}, {"--reference-docx"}});
  if (args.help()) {
    std::printf("%s%s", kUsage, kExitCodeHelp);
    return kExitOk;
  }
  if (!args.error().empty()) return usage_error("render", args.error());
  if (args.positionals().size() != 1) return usage_error("render", "expects one answers file");
  if (args.has("--output") && args.has("--out")) return usage_error("render", "use either -o or --out");
  // Silently ignored, either would leave the user wondering where the file went.
  if (args.has("--name") && !args.has("--out")) return usage_error("render", "--name goes with --out");
  if (args.has("--format") && args.has("--output"))
    return usage_error("render", "-f goes with --out; -o takes the format from the file's ending");

  const std::string answers_path = args.positionals()[0];
  Diagnostics diag;
  std::vector<const OutputFormat*> formats;
  if (args.has("--output")) {
    const OutputFormat* f = find_output_format(args.get("--output"));
    if (!f) return usage_error("render", "cannot tell the format of " + args.get("--output"));
    formats.push_back(f);
  } else if (args.has("--out")) {
    auto list = parse_format_list(args.get("--format"), diag);
    if (!list) return usage_error("render", diag.to_string());
    formats = *list;
  }

  TemplateCache cache(real_disk(), template_library_from_environment());
  RenderSettings settings = render_settings_from_environment(diag);
  auto loaded = load_answers_file(answers_path, args.get("--template"), cache, diag);
  if (!loaded) {
    std::fputs(diag.to_string().c_str(), stderr);
    std::fprintf(stderr, "%s: %d error(s); nothing was written\n", answers_path.c_str(), diag.error_count());
    return kExitInvalidInput;
  }
  Draft draft = make_draft(*loaded->tmpl, loaded->answers, settings.compose);

  if (formats.empty()) {
    std::fwrite(draft.markdown.data(), 1, draft.markdown.size(), stdout);
  } else {
    // Produce every output in memory first, so an error leaves no partial set.
    WriterOptions& writer_options = settings.writer;
    writer_options.force_draft = args.has("--draft");
    writer_options.source_name = answers_path;
    const std::string stem = args.get("--name", std::filesystem::path(answers_path).stem().string());
    auto bytes = load_reference_option(args, formats, writer_options, diag)
                     ? write_formats(draft.markdown, formats, writer_options, diag)
                     : std::nullopt;
    if (!bytes || diag.has_errors()) {
      std::fputs(diag.to_string().c_str(), stderr);
      return kExitInvalidInput;
    }
    if (args.has("--out") && !make_directories(args.get("--out"), diag)) {
      std::fputs(diag.to_string().c_str(), stderr);
      return kExitOutputError;
    }
    std::vector<FileToWrite> files;
    for (size_t i = 0; i < formats.size(); ++i)
      files.push_back({args.has("--output") ? args.get("--output") : args.get("--out") + "/" + stem + formats[i]->extension,
                       (*bytes)[i]});
    write_files_atomically(files, diag);
  }
  if (!diag.has_errors() && args.has("--report"))
    write_file_atomically(args.get("--report"), findings_to_json(draft.findings, answers_path), diag);
  std::fputs(diag.to_string().c_str(), stderr);
  if (diag.has_errors()) return kExitOutputError;

  std::fprintf(stderr, "%s: %s\n", answers_path.c_str(), checklist_line(draft.findings).c_str());
  if (args.has("--strict") && draft.findings.mandatory_incomplete()) return kExitIncomplete;
  return kExitOk;
}

CommandRegistration registration({"render", "merge answers with their template into a draft", kUsage, run});

}  // namespace
}  // namespace kovgen::cli
