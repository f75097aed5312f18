#pragma once
// The parts of the package besides the body and the styles: numbering, settings,
// header, footer, page setup, relationships and document properties.
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "docx_document.h"
#include "markdown_conventions.h"

namespace kovgen {

// word/numbering.xml: one bullet and one decimal abstract numbering (nine levels
// each), and one w:num per Markdown list, ordered ones restarting at their start.
pugi::xml_document numbering_part(const std::vector<DocxList>& lists);

// word/settings.xml: fields (PAGE, NUMPAGES) update when Word opens the file.
pugi::xml_document settings_part();

// word/header1.xml: the title, after „ENTWURF – “ for drafts.
pugi::xml_document header_part(const DocumentInfo& info);

// word/footer1.xml: „Seite X von Y“ with PAGE and NUMPAGES fields. In a document of
// parts that count their own pages, Y is a PAGEREF to `last_page`, the bookmark on the
// part's last page (docx_document.h), and a label leads: „Anlage 3 – Seite X von Y“.
pugi::xml_document footer_part(const std::string& label = {}, const std::string& last_page = {});

// A w:sectPr with A4 portrait and 2.5 cm margins (no header or footer references).
pugi::xml_document default_page_setup();

// Twips between the left and right margins of a w:sectPr.
int text_width(const pugi::xml_node& sect_pr);

// docProps/core.xml: title, subject, creator, language. Dates only when
// SOURCE_DATE_EPOCH is set (seconds since 1970), so output never depends on the clock.
pugi::xml_document core_properties_part(const DocumentInfo& info, std::optional<int64_t> timestamp);

// docProps/app.xml
pugi::xml_document app_properties_part(const std::string& application);

struct Relationship {
  std::string id;
  std::string type;  // full URI; office_relationship("styles") for most
  std::string target;
  bool external = false;
};

// "http://schemas.openxmlformats.org/officeDocument/2006/relationships/" + name.
std::string office_relationship(const char* name);

// A relationships part (_rels/.rels, word/_rels/document.xml.rels).
pugi::xml_document relationships_part(const std::vector<Relationship>& rels);

}  // namespace kovgen
