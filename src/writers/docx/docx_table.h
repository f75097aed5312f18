#pragma once
// The grid of a DOCX table: its column widths and its table properties. Word
// lays a table out by the widths written here (LibreOffice too), so they are
// chosen like a browser's automatic table layout rather than left to the reader.
#include <vector>

#include <cmark-gfm.h>
#include <pugixml.hpp>

namespace kovgen {

// Columns of the same width that fill the text width (a Synopse's two wordings).
std::vector<int> equal_column_widths(int columns, int text_width);

// Every column at least as wide as its longest word, the rest of the text width
// shared by how much more each column's text wants; in twips, summing to text_width.
std::vector<int> automatic_column_widths(cmark_node* table, int columns, int text_width);

// w:tblPr (kovgen's table style, the total width, the header row's look) and
// w:tblGrid with the widths, as the first children of tbl.
void add_table_properties(pugi::xml_node tbl, const std::vector<int>& widths);

}  // namespace kovgen
