// Tables (layout_items.h): column widths from the content, wrapped cells, rules.
#include <algorithm>
#include <numeric>

#include "layout_items.h"
#include "line_cache.h"

namespace kovgen::layout {

namespace {

constexpr float kPadX = 4;  // inside each cell, left and right
constexpr float kPadY = 3;  // above and below the cell text

// Column widths that fill `width`: every column gets its widest cell when that
// fits, else at least its longest word and the rest in proportion to the need.
std::vector<float> column_widths(const Table& t, size_t columns, float width,
                                 const GlyphMetrics& m) {
  if (t.equal_columns) return std::vector<float>(columns, width / float(columns));
  std::vector<float> min_w(columns, 2 * kPadX), max_w(columns, 2 * kPadX);
  for (const auto& row : t.rows)
    for (size_t c = 0; c < row.size() && c < columns; ++c) {
      float lo, hi;
      measure_extent(row[c].runs, m, lo, hi);
      min_w[c] = std::max(min_w[c], lo + 2 * kPadX);
      max_w[c] = std::max(max_w[c], hi + 2 * kPadX);
    }
  // Columns whose widest cell is narrower than a fair share of what is left get
  // it; the others share the rest between their longest word and widest cell.
  std::vector<float> w(columns, -1);
  float remaining = width;
  for (bool fixed_one = true; fixed_one;) {
    fixed_one = false;
    size_t open = 0;
    for (size_t c = 0; c < columns; ++c) open += w[c] < 0;
    for (size_t c = 0; c < columns && open; ++c)
      if (w[c] < 0 && max_w[c] <= remaining / float(open)) {
        w[c] = max_w[c];
        remaining -= max_w[c];
        fixed_one = true;
        break;
      }
  }
  float sum_min = 0, sum_max = 0;
  for (size_t c = 0; c < columns; ++c)
    if (w[c] < 0) {
      sum_min += min_w[c];
      sum_max += max_w[c];
    }
  for (size_t c = 0; c < columns; ++c) {
    if (w[c] >= 0) continue;
    if (sum_min <= remaining)
      w[c] = min_w[c] + (remaining - sum_min) * (max_w[c] - min_w[c]) / (sum_max - sum_min);
    else  // even the longest words do not fit: they will be broken
      w[c] = min_w[c] * remaining / sum_min;
  }
  // Everything fits: the spare width goes to the columns in proportion.
  const float total = std::accumulate(w.begin(), w.end(), 0.0f);
  if (total < width)
    for (float& x : w) x += (width - total) * x / total;
  return w;
}

Align cell_align(const Table& t, size_t c) {
  Align a = c < t.align.size() ? t.align[c] : Align::left;
  return a == Align::justify ? Align::left : a;
}

}  // namespace

std::vector<VItem> table_items(const Table& t, float x, float width, float max_height,
                               const GlyphMetrics& m, const Hyphenator* hyphenator, LineCache* line_cache) {
  std::vector<VItem> items;
  size_t columns = 0;
  for (const auto& row : t.rows) columns = std::max(columns, row.size());
  if (columns == 0) return items;
  const std::vector<float> widths = column_widths(t, columns, width, m);

  for (size_t r = 0; r < t.rows.size(); ++r) {
    const bool header = r == 0 && t.header;
    const bool last = r + 1 == t.rows.size();
    // Lay out every cell; the row is as tall as its tallest cell.
    std::vector<std::vector<Line>> cells(columns);
    float content = 0;
    for (size_t c = 0; c < columns && c < t.rows[r].size(); ++c) {
      cells[c] = paragraph_lines(t.rows[r][c].runs, widths[c] - 2 * kPadX, cell_align(t, c), t.leading, m,
                                 hyphenator, line_cache);
      float h = 0;
      for (const Line& l : cells[c]) h += l.height;
      content = std::max(content, h);
    }
    if (content == 0) content = t.leading;

    // Normally one item per row. A row taller than a page is cut between lines:
    // slice s holds the lines whose top lies in [s * max_height, ...).
    const float slice_height =
        content + 2 * kPadY > max_height ? std::max(max_height - 2 * kPadY, t.leading) : content;
    const int slices = std::max(1, int((content - 0.01f) / slice_height) + 1);
    for (int s = 0; s < slices; ++s) {
      VItem item;
      item.table = 0;  // set by the caller
      item.header_row = header;
      item.break_before = !(r == 1 && t.header) && s == 0;  // header stays with row 1
      const float lo = s * slice_height, hi = lo + slice_height;
      float used = 0;
      float cx = x;
      for (size_t c = 0; c < columns; ++c) {
        float ly = 0;
        for (const Line& l : cells[c]) {
          if (ly >= lo - 0.01f && ly < hi - 0.01f) {
            const float top = kPadY + ly - lo;
            for (TextOp op : l.texts) {
              op.x += cx + kPadX;
              op.y += top;
              item.texts.push_back(std::move(op));
            }
            for (LineOp op : l.lines) {
              op.x1 += cx + kPadX;
              op.x2 += cx + kPadX;
              op.y1 += top;
              op.y2 += top;
              item.lines.push_back(op);
            }
            for (RectOp r : l.rects) {
              r.x += cx + kPadX;
              r.y += top;
              item.rects.push_back(r);
            }
            used = std::max(used, ly + l.height - lo);
          }
          ly += l.height;
        }
        cx += widths[c];
      }
      item.height = (slices == 1 ? content : std::max(used, 0.0f)) + 2 * kPadY;
      if (header) item.rects.push_back({x, 0, width, item.height, t.header_fill});
      if (r == 0) item.lines.push_back({x, 0, x + width, 0, 0.8f, t.rule});
      const bool strong = header || (last && s + 1 == slices);
      item.lines.push_back({x, item.height, x + width, item.height, strong ? 0.8f : 0.4f, t.rule});
      items.push_back(std::move(item));
    }
  }
  return items;
}

}  // namespace kovgen::layout
