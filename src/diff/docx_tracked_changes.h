#pragma once
// The comparison as a Word document with tracked changes (w:ins, w:del): "accept
// all" gives the new agreement, "reject all" the old one.
#include <optional>
#include <string>
#include <string_view>

#include "agreement_diff.h"
#include "diagnostics.h"
#include "markdown_conventions.h"

namespace kovgen::diff {

struct TrackedChangesOptions {
  std::string author = "kovgen";  // w:author of every change
};

// The .docx bytes, written by the DOCX writer (styles, reference document, page
// setup as for any agreement) and sealed like it; nullopt after reporting errors.
// The changes carry the documents' date (WriterOptions::timestamp) when there is one.
// `new_markdown` is the new agreement the diff was made from: its tables' layout
// is the one the changes are shown in.
std::optional<std::string> write_tracked_changes_docx(const AgreementDiff& diff, std::string_view new_markdown,
                                                      const WriterOptions& options,
                                                      const TrackedChangesOptions& tracked, Diagnostics& diag);

}  // namespace kovgen::diff
