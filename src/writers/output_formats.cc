#include "output_formats.h"

#include "docx_writer.h"
#include "pdf_writer.h"

namespace kovgen {

namespace {

std::vector<OutputFormat> make_formats() {
  std::vector<OutputFormat> formats;
  // The Markdown draft is written as it is: it is the canonical text.
  formats.push_back({"md", ".md",
                     [](std::string_view markdown, cmark_node*, const WriterOptions&,
                        Diagnostics&) -> std::optional<std::string> {
                       return std::string(markdown);
                     }});
  formats.push_back({"docx", ".docx",
                     [](std::string_view, cmark_node* tree, const WriterOptions& options,
                        Diagnostics& diag) { return write_docx(tree, options, diag); }});
  formats.push_back({"xml", ".xml",
                     [](std::string_view, cmark_node* tree, const WriterOptions& options,
                        Diagnostics& diag) { return write_flat_opc(tree, options, diag); }});
  formats.push_back({"pdf", ".pdf",
                     [](std::string_view, cmark_node* tree, const WriterOptions& options,
                        Diagnostics& diag) { return write_pdf(tree, options, diag); }});
  return formats;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

const std::vector<OutputFormat>& output_formats() {
  static const std::vector<OutputFormat> formats = make_formats();
  return formats;
}

const OutputFormat* find_output_format(std::string_view name_or_path) {
  for (const auto& f : output_formats())
    if (name_or_path == f.name || ends_with(name_or_path, f.extension)) return &f;
  return nullptr;
}

std::optional<std::vector<const OutputFormat*>> parse_format_list(std::string_view list,
                                                                  Diagnostics& diag) {
  std::vector<const OutputFormat*> out;
  if (list.empty()) {
    for (const auto& f : output_formats()) out.push_back(&f);
    return out;
  }
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    std::string_view name =
        list.substr(start, comma == std::string_view::npos ? std::string_view::npos
                                                           : comma - start);
    const OutputFormat* found = nullptr;
    for (const auto& f : output_formats())
      if (f.name == name) found = &f;
    if (!found) {
      std::string known;
      for (const auto& f : output_formats()) known += (known.empty() ? "" : ", ") + f.name;
      diag.error({}, "unknown format \"" + std::string(name) + "\" (known: " + known + ")");
      return std::nullopt;
    }
    bool seen = false;
    for (auto* f : out) seen = seen || f == found;
    if (!seen) out.push_back(found);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

}  // namespace kovgen
