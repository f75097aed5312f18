#pragma once
// The DOCX writer: the Markdown draft's cmark-gfm tree as a Word document, either
// zipped (.docx) or as one Flat OPC XML file (.xml) that Word opens directly.
// Both hold the same parts, byte for byte. Output depends only on the tree and the
// options (and SOURCE_DATE_EPOCH, if set): two runs give identical bytes.
#include <optional>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "docx_package.h"
#include "markdown_conventions.h"

namespace kovgen {

// The .docx file's bytes, or nullopt after reporting errors (a broken
// --reference-docx, invalid UTF-8 in the tree). Dropped control characters are
// warnings.
std::optional<std::string> write_docx(cmark_node* root, const WriterOptions& options,
                                      Diagnostics& diag);

// The same document as a Flat OPC file (pkg:package).
std::optional<std::string> write_flat_opc(cmark_node* root, const WriterOptions& options,
                                          Diagnostics& diag);

// The package parts both are made of, in package order (without [Content_Types].xml).
std::optional<std::vector<DocxPart>> docx_parts(cmark_node* root, const WriterOptions& options,
                                                Diagnostics& diag);

}  // namespace kovgen
