// kovgen convert DRAFT.md -o FILE.(md|docx|xml|pdf)
#include <cstdio>

#include "args.h"
#include "command.h"
#include "file_io.h"
#include "output_formats.h"
#include "utf8.h"

namespace kovgen::cli {
namespace {

const char* const kUsage =
    "Usage: kovgen convert DRAFT.md -o FILE [--draft] [--reference-docx REF.docx]\n\n"
    "Writes any CommonMark + GFM Markdown file (usually a draft you edited) as\n"
    "another format. The ending of FILE picks the format (.md .docx .xml .pdf).\n"
    "Alert blocks such as '> [!CAUTION]' become highlighted boxes.\n\n"
    "Options:\n"
    "  -o, --output FILE        the file to write (required)\n"
    "      --draft              mark as draft (ENTWURF) even if nothing is flagged\n"
    "      --reference-docx F   take Word styles and page setup from F (DOCX only)\n\n";

int run(const std::vector<std::string>& argv) {
  Args args(argv, {{"--output", "-o"}, {"--draft", "", false}, {"--reference-docx"}});
  if (args.help()) {
    std::printf("%s%s", kUsage, kExitCodeHelp);
    return kExitOk;
  }
  if (!args.error().empty()) return usage_error("convert", args.error());
  if (args.positionals().size() != 1) return usage_error("convert", "expects one Markdown file");
  if (!args.has("--output")) return usage_error("convert", "missing -o FILE");

  const std::string input = args.positionals()[0];
  const std::string output = args.get("--output");
  const OutputFormat* format = find_output_format(output);
  if (!format) return usage_error("convert", "cannot tell the format of " + output);

  Diagnostics diag;
  auto text = read_file(input, diag);
  if (text) check_utf8(*text, input, diag);
  std::optional<std::string> bytes;
  if (!diag.has_errors()) {
    MarkdownTree tree = parse_markdown(*text);
    WriterOptions options;
    options.force_draft = args.has("--draft");
    options.reference_docx = args.get("--reference-docx");
    options.source_name = input;
    bytes = format->write(*text, tree.get(), options, diag);
  }
  if (!diag.has_errors() && bytes) write_file_atomically(output, *bytes, diag);
  std::fputs(diag.to_string().c_str(), stderr);
  if (!diag.has_errors()) return kExitOk;
  return bytes ? kExitOutputError : kExitInvalidInput;
}

CommandRegistration registration({"convert", "write a Markdown draft as DOCX, XML or PDF",
                                  kUsage, run});

}  // namespace
}  // namespace kovgen::cli
