// kovgen convert DRAFT.md -o FILE.(md|docx|xml|pdf) [-o FILE2 ...]
#include <cstdio>

#include "args.h"
#include "cli_support.h"
#include "command.h"
#include "draft_status.h"
#include "content_fingerprint.h"
#include "file_io.h"
#include "i18n.h"
#include "output_formats.h"
#include "process_environment.h"
#include "text_decoding.h"

namespace kovgen::cli {
namespace {

const char* const kUsage = N_(
    "Usage: kovgen convert DRAFT.md -o FILE [-o FILE ...] [--draft] [--reference-docx REF.docx]\n\n"
    "Writes any CommonMark + GFM Markdown file (usually a draft you edited) as\n"
    "another format. The ending of FILE picks the format (.md .docx .xml .pdf).\n"
    "Several -o write several formats from one reading of the draft; if any of\n"
    "them fails, none is written. Alert blocks such as '> [!CAUTION]' become\n"
    "highlighted boxes. A file that kovgen did not write, or that was changed\n"
    "after kovgen wrote it, is never replaced without --force (exit code 4).\n\n"
    "Options:\n"
    "  -o, --output FILE        a file to write (required; may be repeated)\n"
    "      --draft              mark as draft (ENTWURF) even if nothing is flagged\n"
    "      --ohne-checkliste    leave out kovgen's checklist appendix\n"
    "      --reference-docx F   take Word styles and page setup from F (DOCX only)\n"
    "      --force              replace outputs even if edited by hand\n"
    "  -q, --quiet              do not list the files written\n\n");

int run(const std::vector<std::string>& argv) {
  Args args(argv, {{"--output", "-o", true, true}, {"--draft", "", false}, {"--reference-docx"}, {"--ohne-checkliste", "", false},
                   {"--force", "", false}, {"--quiet", "-q", false}});
  if (!args.error().empty()) return usage_error("convert", args.error());
  if (args.positionals().size() != 1) return usage_error("convert", tr("expects one Markdown file"));
  if (!args.has("--output")) return usage_error("convert", tr("missing -o FILE"));

  const std::string input = args.positionals()[0];
  std::vector<std::pair<std::string, const OutputFormat*>> outputs;
  for (const std::string& output : args.all("--output")) {
    const OutputFormat* format = find_output_format(output);
    if (!format) return usage_error("convert", unknown_ending_message(output));
    for (const auto& [earlier, f] : outputs)
      if (earlier == output) return usage_error("convert", fill(tr("{} is given twice"), {output}));
    outputs.emplace_back(output, format);
  }

  Diagnostics diag;
  auto text = read_file(input, diag);
  if (auto decoded = text ? decode_text(std::move(*text), input, diag) : std::nullopt) text = std::move(decoded->text);
  // kovgen's own seal line is no part of the document, edited or not.
  if (text) *text = split_markdown_seal(*text).content;
  // Whether the draft is ready to sign: said after any error, not before it.
  Diagnostics review;
  MarkdownTree tree;
  if (text && !diag.has_errors()) {
    ReviewedDraft reviewed = review_draft(*text, input, args.has("--ohne-checkliste"), review);
    *text = std::move(reviewed.markdown);
    tree = std::move(reviewed.tree);
  }
  std::vector<std::string> written;
  if (!diag.has_errors()) {
    WriterOptions options = render_settings_from_environment(diag).writer;
    options.force_draft = args.has("--draft");
    options.source_name = input;
    std::vector<const OutputFormat*> formats;
    for (const auto& output : outputs) formats.push_back(output.second);
    std::optional<std::vector<std::string>> bytes;
    if (load_reference_option(args, formats, options, diag)) bytes = write_formats(*text, std::move(tree), formats, options, diag);
    if (bytes && !diag.has_errors()) written = std::move(*bytes);
  }
  std::fputs(diag.to_string().c_str(), stderr);
  if (!diag.has_errors()) std::fputs(review.to_string().c_str(), stderr);
  if (diag.has_errors() || written.size() != outputs.size()) return kExitInvalidInput;
  std::vector<OutputFile> files;
  for (size_t i = 0; i < outputs.size(); ++i) files.push_back({outputs[i].first, std::move(written[i]), outputs[i].second});
  return write_outputs(files, {args.has("--force"), args.has("--quiet")});
}

CommandRegistration registration({"convert", N_("write a Markdown draft as DOCX, XML or PDF"), kUsage, run});

}  // namespace
}  // namespace kovgen::cli
