#pragma once
// The output formats: each turns the parsed Markdown draft into file bytes.
// One writer per format, like cmark's renderers; this table is the only place
// that knows them all.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.h"
#include "markdown_conventions.h"

namespace kovgen {

struct OutputFormat {
  std::string name;       // "md", "docx", "xml", "pdf"
  std::string extension;  // ".md", ".docx", ".xml", ".pdf"
  // Returns the file bytes, or nullopt after reporting errors.
  std::function<std::optional<std::string>(std::string_view markdown, cmark_node* tree,
                                           const WriterOptions&, Diagnostics&)>
      write;
};

// Every format this build can write, in a fixed order.
const std::vector<OutputFormat>& output_formats();

// The format by name ("pdf") or by file ending ("x.pdf"), or nullptr.
const OutputFormat* find_output_format(std::string_view name_or_path);

// "md,docx" -> formats; reports unknown names. Empty -> every format.
std::optional<std::vector<const OutputFormat*>> parse_format_list(std::string_view list,
                                                                  Diagnostics& diag);

}  // namespace kovgen
