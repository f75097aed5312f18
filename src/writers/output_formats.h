#pragma once
// The output formats: each turns the parsed Markdown draft into file bytes.
// One writer per format, like cmark's renderers; this table is the only place
// that knows them all.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.h"
#include "markdown_conventions.h"

namespace kovgen {

class Disk;

struct OutputFormat {
  std::string name;       // "md", "docx", "xml", "pdf"
  std::string extension;  // ".md", ".docx", ".xml", ".pdf"
  bool needs_tree;        // reads the parsed tree (the Markdown writer takes the text as it is)
  bool batch_default;     // written by batch unless --format says otherwise
  bool reads_reference;   // takes its design from WriterOptions::reference_docx
  // Returns the file bytes, or nullopt after reporting errors.
  std::function<std::optional<std::string>(std::string_view markdown, cmark_node* tree,
                                           const WriterOptions&, Diagnostics&)>
      write;
};

// Every output of one draft, in memory, in the order of `formats`: the tree is
// parsed once, and only when a format needs it. nullopt after reporting an error
// of any writer, so a caller never writes a partial set. Safe to call from
// several threads at once.
std::optional<std::vector<std::string>> write_formats(std::string_view markdown,
                                                      const std::vector<const OutputFormat*>& formats,
                                                      const WriterOptions& options, Diagnostics& diag);
// The same with `markdown` already parsed by the caller (parse_markdown of exactly
// that text); a null tree is parsed here.
std::optional<std::vector<std::string>> write_formats(std::string_view markdown, MarkdownTree tree,
                                                      const std::vector<const OutputFormat*>& formats,
                                                      const WriterOptions& options, Diagnostics& diag);

// --reference-docx FILE, read through the disk and parsed once for every document
// written with it. nullptr after errors, which name the file (cannot be read, not
// a zip, no word/styles.xml, broken XML).
std::shared_ptr<const ReferenceDocx> load_reference_docx(Disk& disk, const std::string& path, Diagnostics& diag);

// The reference file's bytes, for fingerprints of the documents it shapes.
std::string_view reference_docx_bytes(const ReferenceDocx& reference);

// Whether any of `formats` reads the reference DOCX.
bool reads_reference(const std::vector<const OutputFormat*>& formats);

// The formats batch writes by default.
std::vector<const OutputFormat*> batch_default_formats();

// Every format this build can write, in a fixed order.
const std::vector<OutputFormat>& output_formats();

// The format by name ("pdf") or by file ending ("x.pdf"), either in any case
// ("X.PDF"), or nullptr.
const OutputFormat* find_output_format(std::string_view name_or_path);

// The message for a path whose ending names no format: which endings there are.
std::string unknown_ending_message(std::string_view path);

// "md,docx" -> formats; reports unknown names. Empty -> every format.
std::optional<std::vector<const OutputFormat*>> parse_format_list(std::string_view list,
                                                                  Diagnostics& diag);

}  // namespace kovgen
