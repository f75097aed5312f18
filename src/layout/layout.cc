// Blocks -> vertical items -> pages (layout.h).
#include <algorithm>

#include "layout_items.h"
#include "line_cache.h"

namespace kovgen::layout {

namespace {

constexpr float kEpsilon = 0.01f;

void shift_into(VItem& item, const Line& line, float x, float y) {
  for (TextOp op : line.texts) {
    op.x += x;
    op.y += y;
    item.texts.push_back(std::move(op));
  }
  for (LineOp op : line.lines) {
    op.x1 += x;
    op.x2 += x;
    op.y1 += y;
    op.y2 += y;
    item.lines.push_back(op);
  }
  for (RectOp r : line.rects) {
    r.x += x;
    r.y += y;
    item.rects.push_back(r);
  }
}

// A list marker: text right-aligned in the hanging indent, or a drawn check box
// (drawn, so that it needs no font with a ballot-box glyph).
void add_marker(VItem& item, const Paragraph& p, float text_x, const Line& first,
                const GlyphMetrics& m) {
  const float baseline = first.texts.empty() ? first.height * 0.75f : first.texts[0].y;
  if (p.marker == MarkerKind::text) {
    std::vector<Line> l = break_lines(p.marker_runs, 1e6f, Align::left, first.height, m);
    if (l.empty()) return;
    const float x = text_x - p.marker_gap - l[0].width;
    for (TextOp op : l[0].texts) {
      op.x += x;
      op.y = baseline;
      item.texts.push_back(std::move(op));
    }
    return;
  }
  if (p.marker == MarkerKind::none) return;
  const float size = p.runs.empty() ? 11 : p.runs[0].style.size;
  const float s = size * 0.7f;  // the box's side
  const float x = text_x - p.marker_gap - s, y = baseline - s;
  const Color ink{};
  const float w = 0.6f;
  item.lines.push_back({x, y, x + s, y, w, ink});
  item.lines.push_back({x + s, y, x + s, y + s, w, ink});
  item.lines.push_back({x + s, y + s, x, y + s, w, ink});
  item.lines.push_back({x, y + s, x, y, w, ink});
  if (p.marker == MarkerKind::box_checked) {
    item.lines.push_back({x + 1.5f, y + 1.5f, x + s - 1.5f, y + s - 1.5f, 0.8f, ink});
    item.lines.push_back({x + s - 1.5f, y + 1.5f, x + 1.5f, y + s - 1.5f, 0.8f, ink});
  }
}

// A paragraph's lines, with widow and orphan control: a page may break before
// line k only if at least two lines stay on each side.
void paragraph_items(const Block& b, float x, float width, const GlyphMetrics& m,
                     const Hyphenator* hyphenator, LineCache* line_cache, std::vector<VItem>& out) {
  const Paragraph& p = b.para;
  std::vector<Line> lines =
      paragraph_lines(p.runs, width, p.align, p.leading, m, p.hyphenate ? hyphenator : nullptr, line_cache);
  if (lines.empty()) {
    if (p.marker == MarkerKind::none) return;
    lines.push_back(Line{{}, {}, p.leading, 0});  // an empty list item still shows its marker
  }
  const size_t n = lines.size();
  for (size_t k = 0; k < n; ++k) {
    VItem item;
    item.height = lines[k].height;
    item.break_before = k == 0 || (k >= 2 && n - k >= 2);
    shift_into(item, lines[k], x, 0);
    if (k == 0) {
      add_marker(item, p, x, lines[0], m);
      if (p.outline_level > 0) item.anchors.push_back({p.outline_level, p.outline_title, 0});
    }
    out.push_back(std::move(item));
  }
}

std::vector<VItem> make_items(const std::vector<Block>& blocks, const std::vector<Box>& boxes,
                              const PageGeometry& page, const GlyphMetrics& m,
                              const Hyphenator* hyphenator, LineCache* line_cache, std::vector<VItem>& headers) {
  std::vector<VItem> items;
  const Block* prev = nullptr;
  for (const Block& b : blocks) {
    const size_t first = items.size();
    const float x = page.margin_left + b.indent_left;
    const float width = page.text_width() - b.indent_left - b.indent_right;
    switch (b.kind) {
      case BlockKind::paragraph:
        paragraph_items(b, x, width, m, hyphenator, line_cache, items);
        break;
      case BlockKind::rule: {
        VItem item;
        item.height = 1;
        item.lines.push_back({x, 0.5f, x + width, 0.5f, 0.6f, Color{0.5f, 0.5f, 0.5f}});
        items.push_back(std::move(item));
        break;
      }
      case BlockKind::table: {
        std::vector<VItem> rows = table_items(b.table, x, width, page.text_height() / 2, m, hyphenator, line_cache);
        const int id = int(headers.size());
        headers.push_back(rows.empty() || !b.table.header ? VItem{} : rows[0]);
        for (VItem& r : rows) {
          r.table = b.table.header ? id : -1;
          items.push_back(std::move(r));
        }
        break;
      }
    }
    if (items.size() == first) continue;
    VItem& head = items[first];
    head.space_before = b.space_before + (prev ? prev->space_after : 0);
    head.force_break = b.page_break_before;
    if (prev && (prev->keep_with_next || (prev->keep_group && prev->keep_group == b.keep_group)))
      head.break_before = false;
    for (size_t i = first; i < items.size(); ++i) items[i].box = b.box;
    if (b.keep_group)
      for (size_t i = first + 1; i < items.size(); ++i) items[i].break_before = false;
    prev = &b;
  }
  // Mark where each box begins and ends.
  for (size_t i = 0; i < items.size(); ++i) {
    if (!items[i].box || size_t(items[i].box) > boxes.size()) {
      items[i].box = 0;
      continue;
    }
    items[i].box_first = i == 0 || items[i - 1].box != items[i].box;
    items[i].box_last = i + 1 == items.size() || items[i + 1].box != items[i].box;
  }
  return items;
}

float box_padding(const std::vector<Box>& boxes, int box) {
  return box ? boxes[box - 1].padding : 0;
}

// What a page that begins with item `start` puts above it: the box padding of a
// box continued from the previous page and the repeated table header.
float prefix_height(const std::vector<VItem>& items, const std::vector<VItem>& headers,
                    const std::vector<Box>& boxes, size_t start) {
  const VItem& it = items[start];
  float h = 0;
  if (it.box && !it.box_first) h += box_padding(boxes, it.box);
  if (it.table >= 0 && !it.header_row) h += headers[it.table].height;
  return h;
}

// The first item of every page.
std::vector<size_t> page_starts(const std::vector<VItem>& items,
                                const std::vector<VItem>& headers,
                                const std::vector<Box>& boxes, float height) {
  std::vector<size_t> starts;
  size_t start = 0;
  while (start < items.size()) {
    starts.push_back(start);
    float y = prefix_height(items, headers, boxes, start);
    size_t end = items.size();
    for (size_t k = start; k < items.size(); ++k) {
      const VItem& it = items[k];
      if (k > start && it.force_break) {
        end = k;
        break;
      }
      const float pad = box_padding(boxes, it.box);
      const float above = (k > start ? it.space_before : 0) + (it.box_first ? pad : 0);
      // Inside a box, room for its bottom padding must remain in case the page ends here.
      if (k > start && y + above + it.height + pad > height + kEpsilon) {
        size_t j = k;
        while (j > start && !items[j].break_before) --j;
        end = j > start ? j : k;  // nothing allowed: break where the page is full
        break;
      }
      y += above + it.height + (it.box_last ? pad : 0);
    }
    start = end;
  }
  return starts;
}

struct OpenBox {
  int box = 0;
  float top = 0;
};

void close_box(Page& out, const std::vector<Box>& boxes, const PageGeometry& page,
               const OpenBox& open, float bottom, std::vector<RectOp>& box_rects) {
  const Box& b = boxes[open.box - 1];
  const float x = page.margin_left + b.indent_left;
  const float w = page.text_width() - b.indent_left - b.indent_right;
  const float top = page.margin_top + open.top, h = bottom - open.top;
  if (b.filled) box_rects.push_back({x, top, w, h, b.fill});
  if (b.bar_width > 0) box_rects.push_back({x, top, b.bar_width, h, b.bar});
  (void)out;
}

void emit(const VItem& it, float y, Page& out) {
  for (RectOp r : it.rects) {
    r.y += y;
    out.rects.push_back(r);
  }
  for (LineOp l : it.lines) {
    l.y1 += y;
    l.y2 += y;
    out.lines.push_back(l);
  }
  for (TextOp t : it.texts) {
    t.y += y;
    out.texts.push_back(std::move(t));
  }
  for (Anchor a : it.anchors) {
    a.y += y;
    out.anchors.push_back(std::move(a));
  }
}

// Places items[start, end) on one page; the arithmetic matches page_starts.
Page place_page(const std::vector<VItem>& items, const std::vector<VItem>& headers,
                const std::vector<Box>& boxes, const PageGeometry& page, size_t start,
                size_t end) {
  Page out;
  std::vector<RectOp> box_rects;  // drawn below everything else
  OpenBox open;
  float y = 0;
  const VItem& first = items[start];
  if (first.box && !first.box_first) {
    open = {first.box, 0};
    y += box_padding(boxes, first.box);
  }
  if (first.table >= 0 && !first.header_row) {
    emit(headers[first.table], page.margin_top + y, out);
    y += headers[first.table].height;
  }
  for (size_t k = start; k < end; ++k) {
    const VItem& it = items[k];
    const float pad = box_padding(boxes, it.box);
    if (k > start) y += it.space_before;
    if (it.box_first) {
      open = {it.box, y};
      y += pad;
    }
    emit(it, page.margin_top + y, out);
    y += it.height;
    if (it.box_last) {
      y += pad;
      close_box(out, boxes, page, open, y, box_rects);
      open = {};
    }
  }
  if (open.box) close_box(out, boxes, page, open, y + box_padding(boxes, open.box), box_rects);
  out.rects.insert(out.rects.begin(), box_rects.begin(), box_rects.end());
  return out;
}

}  // namespace

std::vector<Page> layout_document(const std::vector<Block>& blocks,
                                  const std::vector<Box>& boxes, const PageGeometry& page,
                                  const GlyphMetrics& metrics, const Hyphenator* hyphenator, LineCache* line_cache) {
  std::vector<VItem> headers;
  std::vector<VItem> items = make_items(blocks, boxes, page, metrics, hyphenator, line_cache, headers);
  std::vector<Page> pages;
  if (items.empty()) {
    pages.emplace_back();  // an empty document is one blank page
    return pages;
  }
  std::vector<size_t> starts = page_starts(items, headers, boxes, page.text_height());
  for (size_t p = 0; p < starts.size(); ++p) {
    size_t end = p + 1 < starts.size() ? starts[p + 1] : items.size();
    pages.push_back(place_page(items, headers, boxes, page, starts[p], end));
  }
  return pages;
}

namespace {

// Shortens runs on one line to max_width, ending with "…" in the last run's style.
std::vector<Run> fit_runs_with_ellipsis(std::vector<Run> runs, const GlyphMetrics& metrics,
                                        float max_width) {
  float width = 0;
  for (const Run& r : runs) width += text_width(metrics, r.style, r.text);
  if (width <= max_width || runs.empty()) return runs;
  float room = max_width;
  for (size_t i = 0; i < runs.size(); ++i) {
    const float w = text_width(metrics, runs[i].style, runs[i].text);
    if (w <= room - text_width(metrics, runs[i].style, "…")) {
      room -= w;
      continue;
    }
    runs[i].text = fit_with_ellipsis(metrics, runs[i].style, runs[i].text, room);
    runs.resize(i + 1);
    break;
  }
  return runs;
}

// Text ops for runs set side by side, centred in [left, left + width].
std::vector<TextOp> centred_runs(const std::vector<Run>& runs, const GlyphMetrics& metrics,
                                 float left, float width, float baseline) {
  float total = 0;
  for (const Run& r : runs) total += text_width(metrics, r.style, r.text);
  std::vector<TextOp> ops;
  float x = left + (width - total) / 2;
  for (const Run& r : runs) {
    const float w = text_width(metrics, r.style, r.text);
    ops.push_back({x, baseline, w, r.style, r.text, {}});
    x += w;
  }
  return ops;
}

}  // namespace

void add_page_furniture(std::vector<Page>& pages, const std::string& title,
                        const PageGeometry& page, const GlyphMetrics& metrics,
                        const std::vector<PageNumber>* numbers) {
  const Color grey{0.35f, 0.35f, 0.35f};
  // Regular, not italic: an italic header would embed a whole face (about 7 KB)
  // into documents that use no italics otherwise.
  const Style head{Face::regular, 8.5f, grey};
  const Style foot{Face::regular, 8.5f, grey};
  const float head_y = page.margin_top - 24;  // baseline, 24 pt above the text
  const float rule_y = page.margin_top - 18;
  const float foot_y = page.height - page.margin_bottom + 30;
  // The title gets the body's fallbacks too (the symbol face, U+FFFD), as runs
  // side by side; the body has already warned about what no font has.
  Diagnostics repeated;
  const std::vector<TextOp> header = centred_runs(
      fit_runs_with_ellipsis(resolve_glyphs({Run{title, head, {}}}, metrics, repeated), metrics,
                             page.text_width()),
      metrics, page.margin_left, page.text_width(), head_y);
  const int total = int(pages.size());
  for (int i = 0; i < total; ++i) {
    Page& p = pages[i];
    p.furniture.insert(p.furniture.end(), header.begin(), header.end());
    p.furniture_lines.push_back(
        {page.margin_left, rule_y, page.width - page.margin_right, rule_y, 0.4f, grey});
    const std::string label = page_number_label(
        numbers && size_t(i) < numbers->size() ? (*numbers)[i] : PageNumber{{}, i + 1, total});
    const float fw = text_width(metrics, foot, label);
    p.furniture.push_back({page.margin_left + (page.text_width() - fw) / 2, foot_y, fw, foot, label, {}});
  }
}

}  // namespace kovgen::layout
