#include "output_formats.h"

#include <algorithm>

#include "content_fingerprint.h"
#include "disk.h"
#include "docx_reference.h"
#include "docx_writer.h"
#include "german_format.h"
#include "i18n.h"
#include "pdf_writer.h"

namespace kovgen {

namespace {

std::vector<OutputFormat> make_formats() {
  std::vector<OutputFormat> formats;
  // The Markdown draft is written as it is (it is the canonical text), sealed with
  // its fingerprint as a last line that no reader shows (output_seal.h).
  formats.push_back({"md", ".md", false, true, false,
                     [](std::string_view markdown, cmark_node*, const WriterOptions&,
                        Diagnostics&) -> std::optional<std::string> {
                       return seal_markdown(markdown);
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

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Endings as Windows users type them (".PDF", ".Docx") mean the same format.
bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

bool ends_with_ignoring_case(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && equal_ignoring_case(s.substr(s.size() - suffix.size()), suffix);
}

}  // namespace

std::optional<std::vector<std::string>> write_formats(std::string_view markdown,
                                                      const std::vector<const OutputFormat*>& formats,
                                                      const WriterOptions& options, Diagnostics& diag) {
  return write_formats(markdown, nullptr, formats, options, diag);
}

std::optional<std::vector<std::string>> write_formats(std::string_view markdown, MarkdownTree tree,
                                                      const std::vector<const OutputFormat*>& formats,
                                                      const WriterOptions& options, Diagnostics& diag) {
  const bool needs_tree = std::any_of(formats.begin(), formats.end(), [](const OutputFormat* f) { return f->needs_tree; });
  if (needs_tree && !tree) tree = parse_markdown(markdown);
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
    if (equal_ignoring_case(name_or_path, f.name) || ends_with_ignoring_case(name_or_path, f.extension)) return &f;
  return nullptr;
}

std::string unknown_ending_message(std::string_view path) {
  std::vector<std::string> endings;
  for (const auto& f : output_formats()) endings.push_back(f.extension);
  return fill(tr("cannot tell the format of {} from its ending; the file name must end in {}"),
              {path, join_german(endings, tr("or"))});
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
      if (equal_ignoring_case(f.name, name)) found = &f;
    if (!found) {
      std::vector<std::string> known;
      for (const auto& f : output_formats()) known.push_back(f.name);
      diag.error({}, fill(tr("unknown format \"{}\"; use {}"), {name, join_german(known, tr("or"))}));
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
