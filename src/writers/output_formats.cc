#include "output_formats.h"

#include <algorithm>

#include "disk.h"
#include "docx_reference.h"
#include "docx_writer.h"
#include "pdf_writer.h"

namespace kovgen {

namespace {

std::vector<OutputFormat> make_formats() {
  std::vector<OutputFormat> formats;
  // The Markdown draft is written as it is: it is the canonical text.
  formats.push_back({"md", ".md", false, true, false,
                     [](std::string_view markdown, cmark_node*, const WriterOptions&,
                        Diagnostics&) -> std::optional<std::string> {
                       return std::string(markdown);
                     }});
  formats.push_back({"docx", ".docx", true, true, true,
                     [](std::string_view, cmark_node* tree, const WriterOptions& options,
                        Diagnostics& diag) { return write_docx(tree, options, diag); }});
  formats.push_back({"xml", ".xml", true, false, true,
                     [](std::string_view, cmark_node* tree, const WriterOptions& options,
                        Diagnostics& diag) { return write_flat_opc(tree, options, diag); }});
  formats.push_back({"pdf", ".pdf", true, true, false,
                     [](std::string_view, cmark_node* tree, const WriterOptions& options,
                        Diagnostics& diag) { return write_pdf(tree, options, diag); }});
  return formats;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::optional<std::vector<std::string>> write_formats(std::string_view markdown,
                                                      const std::vector<const OutputFormat*>& formats,
                                                      const WriterOptions& options, Diagnostics& diag) {
  const bool needs_tree = std::any_of(formats.begin(), formats.end(), [](const OutputFormat* f) { return f->needs_tree; });
  MarkdownTree tree = needs_tree ? parse_markdown(markdown) : MarkdownTree();
  std::vector<std::string> outputs;
  for (const OutputFormat* f : formats) {
    auto bytes = f->write(markdown, tree.get(), options, diag);
    if (!bytes) return std::nullopt;
    outputs.push_back(std::move(*bytes));
  }
  return outputs;
}

std::shared_ptr<const ReferenceDocx> load_reference_docx(Disk& disk, const std::string& path, Diagnostics& diag) {
  auto bytes = disk.read_input(path, diag);
  if (!bytes) return nullptr;
  auto reference = parse_reference_docx(std::move(*bytes), path, diag);
  if (!reference) return nullptr;
  return std::make_shared<const ReferenceDocx>(std::move(*reference));
}

std::string_view reference_docx_bytes(const ReferenceDocx& reference) { return reference.bytes; }

bool reads_reference(const std::vector<const OutputFormat*>& formats) {
  return std::any_of(formats.begin(), formats.end(), [](const OutputFormat* f) { return f->reads_reference; });
}

std::vector<const OutputFormat*> batch_default_formats() {
  std::vector<const OutputFormat*> formats;
  for (const auto& f : output_formats())
    if (f.batch_default) formats.push_back(&f);
  return formats;
}

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
