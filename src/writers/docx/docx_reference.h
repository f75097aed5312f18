#pragma once
// --reference-docx: the corporate design of a user's own .docx (as pandoc's
// --reference-doc). Taken from it: styles.xml (fonts, sizes, colours, the Header and
// Footer styles, the table style), the page setup of its last section (size,
// margins, header and footer distances, columns, grid), its font table and theme,
// and its header and footer with their images (kovgen's title, draft mark and page
// count are set into them). Its body text, numbering and settings are not used.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "diagnostics.h"
#include "docx_package.h"

namespace kovgen {

// The reference's default header or footer, with the parts its relationships
// point to (logos and other images).
struct ReferenceFurniture {
  pugi::xml_document xml;       // w:hdr or w:ftr; empty when the reference has none
  pugi::xml_document rels;      // its relationships, targets relative to word/; may be empty
  std::vector<DocxPart> parts;  // the targets, under their package names
};

struct ReferenceDocx {
  std::string bytes;              // the file as read, for fingerprints of what it shapes
  pugi::xml_document styles;      // w:styles
  pugi::xml_document page_setup;  // w:sectPr holding only page size, margins, columns, grid
  std::vector<DocxPart> parts;    // word/fontTable.xml, word/theme/theme1.xml when present
  ReferenceFurniture header;
  ReferenceFurniture footer;
};

// Bookmarks that mark kovgen's paragraph in a header or footer, so that a
// reference made from kovgen's own output can be recognised after editing.
inline constexpr const char* kHeaderBookmark = "kovgen_kopfzeile";
inline constexpr const char* kFooterBookmark = "kovgen_fusszeile";

// Parses a .docx read from `path`; errors name the file (not a zip, no
// word/styles.xml, broken XML).
std::optional<ReferenceDocx> parse_reference_docx(std::string bytes, const std::string& path, Diagnostics& diag);

// Replaces `styles` by the reference's styles. Our styles that the reference lacks
// (compared by type and name, as Word localises style ids but not names) are added;
// style references in `documents` (w:pStyle, w:rStyle, w:tblStyle) are renamed to the
// reference's ids.
// Reads the default header and footer of the reference's last section (called by
// parse_reference_docx).
bool load_reference_furniture(const std::map<std::string, std::string>& entries,
                              const pugi::xml_document& document, const pugi::xml_document& document_rels,
                              const std::string& path, ReferenceDocx& ref, Diagnostics& diag);

// Our header or footer (`ours`, one w:p) set into the reference's: the paragraph that
// holds `bookmark` is replaced by ours, keeping its paragraph properties; all else
// (logos, addresses) stays. Without the bookmark ours is appended, except that a
// footer that already counts pages (a PAGE field) is kept as it is. Without a
// reference header or footer, ours is left alone.
void merge_reference_furniture(const ReferenceFurniture& theirs, const char* bookmark,
                               pugi::xml_document& ours);

void apply_reference_styles(const ReferenceDocx& reference, pugi::xml_document& styles,
                            const std::vector<pugi::xml_document*>& documents);

}  // namespace kovgen
