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
};

struct DocxBodyOptions {
  int text_width = 9070;  // twips between the margins, for table column widths
};

// Renders every block below root. Characters XML cannot hold are dropped with a
// warning naming the source line; invalid UTF-8 in the tree is an error.
void render_docx_body(cmark_node* root, const WriterOptions& options,
                      const DocxBodyOptions& layout, DocxBody& out, Diagnostics& diag);

}  // namespace kovgen
