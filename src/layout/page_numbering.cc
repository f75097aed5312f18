// Parts of a document that count their pages on their own (layout.h): the Anlagen
// appended to an agreement.
#include <algorithm>

#include "layout.h"

namespace kovgen::layout {

std::vector<Page> layout_numbered_document(const std::vector<Block>& blocks, const std::vector<Box>& boxes,
                                           const std::vector<NumberingStart>& starts, const PageGeometry& page,
                                           const GlyphMetrics& metrics, const Hyphenator* hyphenator,
                                           std::vector<PageNumber>& numbers, LineCache* line_cache) {
  // Each part is laid out alone: it starts on a fresh page anyway, and nothing
  // (keep-with-next, a repeated table header) reaches across the boundary.
  std::vector<Page> pages;
  numbers.clear();
  auto add_part = [&](size_t first, size_t end, const std::string& label) {
    const std::vector<Block> part(blocks.begin() + long(first), blocks.begin() + long(end));
    std::vector<Page> laid = layout_document(part, boxes, page, metrics, hyphenator, line_cache);
    for (size_t i = 0; i < laid.size(); ++i) numbers.push_back({label, int(i + 1), int(laid.size())});
    for (Page& p : laid) pages.push_back(std::move(p));
  };
  size_t first = 0;
  std::string label;  // the document's own pages: „Seite 3 von 9“
  for (const NumberingStart& s : starts) {
    const size_t at = std::min(s.first_block, blocks.size());
    if (at < first) continue;
    // A part without blocks (a marker at the very end, or two in a row) gets no page.
    if (at > first) add_part(first, at, label);
    first = at;
    label = s.label;
  }
  if (blocks.size() > first) add_part(first, blocks.size(), label);
  if (pages.empty()) add_part(0, 0, {});  // an empty document is one blank page
  return pages;
}

std::string page_number_label(const PageNumber& number) {
  std::string text = "Seite " + std::to_string(number.number) + " von " + std::to_string(number.total);
  return number.label.empty() ? text : number.label + " \u2013 " + text;
}

}  // namespace kovgen::layout
