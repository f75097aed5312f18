#pragma once
// Internal to the layout engine (layout*.cc): the vertical items that blocks turn
// into before pagination, like the boxes of TeX's vertical list.
#include <vector>

#include "layout.h"

namespace kovgen::layout {

// One unbreakable slice of the page: a line of a paragraph, a table row, a rule.
// Its content has page x coordinates and y relative to the item's top.
struct VItem {
  float height = 0;
  float space_before = 0;     // dropped when the item starts a page
  bool break_before = true;   // a page may begin with this item
  bool force_break = false;   // a page must begin with this item
  int table = -1;             // the table it belongs to, for repeating the header
  bool header_row = false;    // it is that table's header row
  int box = 0;                // nonzero: inside boxes[box - 1]
  bool box_first = false;     // the first item of its box: padding above
  bool box_last = false;      // the last item of its box: padding below
  std::vector<RectOp> rects;
  std::vector<LineOp> lines;
  std::vector<TextOp> texts;
  std::vector<Anchor> anchors;
};

// The narrowest width that avoids breaking inside words and the width of the
// whole text on one line (both in points), for table column widths.
void measure_extent(const std::vector<Run>& runs, const GlyphMetrics& metrics,
                    float& min_width, float& max_width);

// The rows of a table as items (one per row; a row taller than max_height is cut
// between its lines). x is the left edge of the table, width its full width.
// Cells are hyphenated with `hyphenator` (none: soft hyphens only): their
// columns are narrow, so a long word would otherwise leave a ragged hole or be
// cut between letters without a hyphen.
std::vector<VItem> table_items(const Table& table, float x, float width, float max_height,
                               const GlyphMetrics& metrics, const Hyphenator* hyphenator = nullptr,
                               LineCache* line_cache = nullptr);

}  // namespace kovgen::layout
