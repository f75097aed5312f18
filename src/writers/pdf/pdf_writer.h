#pragma once
// The PDF writer: the Markdown draft as a printable A4 agreement (issue 4).
// pdf_blocks.h sets the typography, layout.h breaks lines and pages, and this
// draws the result with libharu.
#include <optional>
#include <string>
#include <string_view>

#include "diagnostics.h"
#include "markdown_conventions.h"

namespace kovgen {

// The info dictionary's /KovgenFingerprint holds the fingerprint of the whole file
// as it is with that value as 32 zeros (content_fingerprint.h, seal_in_place), by
// which kovgen recognises its own untouched PDF before replacing it. The entry is
// written uncompressed; this is what precedes the value in the file.
constexpr std::string_view kPdfFingerprintMarker = "/KovgenFingerprint (";

// The PDF file's bytes, or nullopt after reporting errors. Missing glyphs are
// replaced visibly and reported as warnings. The output depends only on the tree
// and the options: two runs give the same bytes.
std::optional<std::string> write_pdf(cmark_node* root, const WriterOptions& options,
                                     Diagnostics& diag);

}  // namespace kovgen
