// kovgen convert DRAFT.md -o FILE.(md|docx|xml|pdf) [-o FILE2 ...]
#include <cstdio>

#include "args.h"
#include "cli_support.h"
#include "command.h"
#include "file_io.h"
#include "output_formats.h"
#include "process_environment.h"
#include "utf8.h"

namespace kovgen::cli {
namespace {

const char* const kUsage =
    "Usage: kovgen convert DRAFT.md -o FILE [-o FILE ...] [--draft] [--reference-docx REF.docx]\n\n"
    "Writes any CommonMark + GFM Markdown file (usually a draft you edited) as\n"
    "another format. The ending of FILE picks the format (.md .docx .xml .pdf).\n"
    "Several -o write several formats from one reading of the draft; if any of\n"
    "them fails, none is written. Alert blocks such as '> [!CAUTION]' become\n"
    "highlighted boxes.\n\n"
    "Options:\n"
    "  -o, --output FILE        a file to write (required; may be repeated)\n"
    "      --draft              mark as draft (ENTWURF) even if nothing is flagged\n"
    "      --reference-docx F   take Word styles and page setup from F (DOCX only)\n\n";

int run(const std::vector<std::string>& argv) {
  Args args(argv, {{"--output", "-o", true, true}, {"--draft", "", false}, {"--reference-docx"}});
  if (args.help()) {
    std::printf("%s%s", kUsage, kExitCodeHelp);
    return kExitOk;
  }
  if (!args.error().empty()) return usage_error("convert", args.error());
  if (args.positionals().size() != 1) return usage_error("convert", "expects one Markdown file");
  if (!args.has("--output")) return usage_error("convert", "missing -o FILE");

  const std::string input = args.positionals()[0];
  std::vector<std::pair<std::string, const OutputFormat*>> outputs;
  for (const std::string& output : args.all("--output")) {
    const OutputFormat* format = find_output_format(output);
    if (!format) return usage_error("convert", "cannot tell the format of " + output);
    for (const auto& [earlier, f] : outputs)
      if (earlier == output) return usage_error("convert", output + " is given twice");
    outputs.emplace_back(output, format);
  }

  Diagnostics diag;
  auto text = read_file(input, diag);
  if (text) check_utf8(*text, input, diag);
  std::vector<std::string> written;
  if (!diag.has_errors()) {
    WriterOptions options = render_settings_from_environment(diag).writer;
    options.force_draft = args.has("--draft");
    options.source_name = input;
    std::vector<const OutputFormat*> formats;
    for (const auto& output : outputs) formats.push_back(output.second);
    std::optional<std::vector<std::string>> bytes;
    if (load_reference_option(args, formats, options, diag)) bytes = write_formats(*text, formats, options, diag);
    if (bytes && !diag.has_errors()) written = std::move(*bytes);
  }
  const bool all_written = written.size() == outputs.size();
  if (!diag.has_errors() && all_written) {
    std::vector<FileToWrite> files;
    for (size_t i = 0; i < outputs.size(); ++i) files.push_back({outputs[i].first, written[i]});
    write_files_atomically(files, diag);
  }
  std::fputs(diag.to_string().c_str(), stderr);
  if (!diag.has_errors()) return kExitOk;
  return all_written ? kExitOutputError : kExitInvalidInput;
}

CommandRegistration registration({"convert", "write a Markdown draft as DOCX, XML or PDF",
                                  kUsage, run});

}  // namespace
}  // namespace kovgen::cli
