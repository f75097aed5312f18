#pragma once
// The DOCX writer: the Markdown draft's cmark-gfm tree as a Word document, either
// zipped (.docx) or as one Flat OPC XML file (.xml) that Word opens directly.
// Both hold the same parts, byte for byte, except the fingerprint: a custom
// document property (docProps/custom.xml) by which kovgen recognises, before it
// replaces a file, that the file is its own and untouched since. In a .docx it is
// the fingerprint of every other entry of the zip (docx_fingerprint); in the
// Flat OPC file that of the whole file with the fingerprint as 32 zeros
// (seal_in_place). Output depends only on the tree and the
// options (and SOURCE_DATE_EPOCH, if set): two runs give identical bytes.
#include <functional>
#include <map>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "docx_document.h"
#include "docx_package.h"
#include "markdown_conventions.h"

namespace kovgen {

constexpr std::string_view kDocxFingerprintPart = "docProps/custom.xml";
// What precedes the fingerprint in that part.
constexpr std::string_view kDocxFingerprintMarker = "name=\"kovgen-fingerprint\"><vt:lpwstr>";

// The fingerprint of a .docx's zip entries (name -> bytes), without the entry
// that holds it.
std::string docx_fingerprint(const std::map<std::string, std::string_view>& entries);

// The .docx file's bytes, or nullopt after reporting errors (a broken
// --reference-docx, invalid UTF-8 in the tree). Dropped control characters are
// warnings.
std::optional<std::string> write_docx(cmark_node* root, const WriterOptions& options,
                                      Diagnostics& diag);

// docx_parts that a caller changed (kovgen diff marks changes in
// word/document.xml, the form writer adds content controls), zipped and sealed
// with their fingerprint as write_docx does.
std::optional<std::string> package_docx(std::vector<DocxPart> parts, Diagnostics& diag);

// The same document as a Flat OPC file (pkg:package).
std::optional<std::string> write_flat_opc(cmark_node* root, const WriterOptions& options,
                                          Diagnostics& diag);

// A change a caller makes to the finished w:body before it is written (kovgen
// diff marks its changes there), so that nobody writes the body as XML text only
// to read it back.
using DocxBodyEdit = std::function<void(pugi::xml_node body)>;

// The package parts both are made of, in package order (without [Content_Types].xml).
std::optional<std::vector<DocxPart>> docx_parts(cmark_node* root, const WriterOptions& options,
                                                Diagnostics& diag, const DocxBodyEdit& edit_body = {});

// The body alone, laid out for the page docx_parts gives it, for callers that only
// read it (kovgen diff takes the new agreement's table widths). False after errors.
bool docx_body(cmark_node* root, const WriterOptions& options, DocxBody& out, Diagnostics& diag);

}  // namespace kovgen
