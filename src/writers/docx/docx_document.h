#pragma once
// The body of the Word document: walks the cmark-gfm tree once and writes
// word/document.xml and word/comments.xml as WordprocessingML.
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "diagnostics.h"
#include "markdown_conventions.h"

namespace kovgen {

// One Markdown list, which becomes one w:num in numbering.xml so that every list
// restarts its numbering. Its numId is its index + 1.
struct DocxList {
  bool ordered = false;
  int level = 0;  // nesting depth, 0 = top level (the w:ilvl of its items)
  int start = 1;  // first number of an ordered list
};

struct DocxBody {
  pugi::xml_document document;         // w:document with w:body (without w:sectPr)
  pugi::xml_document comments;         // w:comments: one per CAUTION alert
  std::vector<std::string> hyperlinks;  // external targets; relationship id "rIdLink<i+1>"
  std::vector<DocxList> lists;
  // The parts that count their own pages (page-numbering markers, the Anlagen): each
  // one's label and the empty w:sectPr that ends the section before it, which the
  // writer fills (footer, page setup). The last part's section is the body's own.
  // The part before the first is the agreement's: part 0 for part_end_bookmark.
  struct NumberedPart {
    std::string label;
    pugi::xml_node previous_section;
  };
  std::vector<NumberedPart> numbered_parts;
};

struct DocxBodyOptions {
  int text_width = 9070;  // twips between the margins, for table column widths
};

// The bookmark on the last page of part `part` (0: the agreement, 1: the first Anlage):
// a footer's „von Y“ is a PAGEREF to it, which, as the section restarts at 1, is the
// part's page count in Word and LibreOffice alike (LibreOffice shows no SECTIONPAGES).
// Hidden (leading "_"), so that it stays out of Word's list of bookmarks.
std::string part_end_bookmark(size_t part);

// Appends the empty, tiny paragraph that ends part `part`, holding its bookmark;
// returns its w:pPr, for a w:sectPr.
pugi::xml_node append_part_end(pugi::xml_node body, size_t part);

// Renders every block below root. Characters XML cannot hold are dropped with a
// warning naming the source line; invalid UTF-8 in the tree is an error.
void render_docx_body(cmark_node* root, const WriterOptions& options,
                      const DocxBodyOptions& layout, DocxBody& out, Diagnostics& diag);

}  // namespace kovgen
