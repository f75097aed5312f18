#pragma once
// --reference-docx: the corporate design of a user's own .docx (as pandoc's
// --reference-doc). Taken from it: styles.xml (fonts, sizes, colours, the Header and
// Footer styles, the table style), the page setup of its last section (size,
// margins, header and footer distances, columns, grid), its font table and theme.
// Its text, numbering and settings are not used.
#include <optional>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "diagnostics.h"
#include "docx_package.h"

namespace kovgen {

struct ReferenceDocx {
  pugi::xml_document styles;      // w:styles
  pugi::xml_document page_setup;  // w:sectPr holding only page size, margins, columns, grid
  std::vector<DocxPart> parts;    // word/fontTable.xml, word/theme/theme1.xml when present
};

// Reads a .docx; errors name the file (not a zip, no word/styles.xml, broken XML).
std::optional<ReferenceDocx> load_reference_docx(const std::string& path, Diagnostics& diag);

// Replaces `styles` by the reference's styles. Our styles that the reference lacks
// (compared by type and name, as Word localises style ids but not names) are added;
// style references in `documents` (w:pStyle, w:rStyle, w:tblStyle) are renamed to the
// reference's ids.
void apply_reference_styles(const ReferenceDocx& reference, pugi::xml_document& styles,
                            const std::vector<pugi::xml_document*>& documents);

}  // namespace kovgen
