#include "docx_table.h"

#include <algorithm>
#include <string>

#include "docx_styles.h"
#include "docx_xml.h"
#include "markdown_tree.h"
#include "utf8.h"

namespace kovgen {

std::vector<int> equal_column_widths(int columns, int text_width) {
  std::vector<int> widths(columns, text_width / columns);
  widths.back() += text_width - widths.back() * columns;  // the rounding, as below
  return widths;
}

std::vector<int> automatic_column_widths(cmark_node* table, int columns, int text_width) {
  // Lengths are estimated at 110 twips per character of 10 pt Arial (125 in the
  // bold header row), plus the cell margins.
  constexpr int kPadding = 260;
  std::vector<int> least(columns, kPadding + 250), most(columns, kPadding + 250);
  for (cmark_node* row = cmark_node_first_child(table); row; row = cmark_node_next(row)) {
    const int char_width = cmark_gfm_extensions_get_table_row_is_header(row) ? 125 : 110;
    int c = 0;
    for (cmark_node* cell = cmark_node_first_child(row); cell && c < columns; cell = cmark_node_next(cell), ++c) {
      const std::string text = plain_text(cell);
      int length = 0, word = 0, longest_word = 0;
      for (size_t pos = 0; pos < text.size();) {
        const char32_t cp = next_code_point(text, pos);
        ++length;
        word = cp == ' ' ? 0 : word + 1;
        longest_word = std::max(longest_word, word);
      }
      least[c] = std::max(least[c], kPadding + longest_word * char_width);
      most[c] = std::max(most[c], kPadding + length * char_width);
    }
  }
  long sum_least = 0, sum_most = 0;
  for (int c = 0; c < columns; ++c) {
    sum_least += least[c];
    sum_most += most[c];
  }
  std::vector<int> widths(columns);
  for (int c = 0; c < columns; ++c) {
    if (sum_most <= text_width)
      widths[c] = static_cast<int>(most[c] * text_width / sum_most);
    else if (sum_least >= text_width)
      widths[c] = static_cast<int>(least[c] * text_width / sum_least);
    else
      widths[c] = least[c] + static_cast<int>((most[c] - least[c]) * (text_width - sum_least) / (sum_most - sum_least));
  }
  // Rounding leftovers go to the last column, so the table is exactly as wide as the text.
  int used = 0;
  for (int w : widths) used += w;
  widths.back() += text_width - used;
  return widths;
}

void add_table_properties(pugi::xml_node tbl, const std::vector<int>& widths) {
  int total = 0;
  for (int w : widths) total += w;
  pugi::xml_node pr = tbl.append_child("w:tblPr");
  add_element(pr, "w:tblStyle", {{"w:val", style_id::kTable}});
  add_element(pr, "w:tblW", {{"w:w", std::to_string(total)}, {"w:type", "dxa"}});
  add_element(pr, "w:tblLook",
              {{"w:val", "0420"}, {"w:firstRow", "1"}, {"w:lastRow", "0"}, {"w:firstColumn", "0"},
               {"w:lastColumn", "0"}, {"w:noHBand", "1"}, {"w:noVBand", "1"}});
  pugi::xml_node grid = tbl.append_child("w:tblGrid");
  for (int w : widths) add_element(grid, "w:gridCol", {{"w:w", std::to_string(w)}});
}

}  // namespace kovgen
