#pragma once
// The diagonal "ENTWURF" (draft) stamp across a page, as strokes rather than text:
// text would end up in the document's text layer, between its paragraphs, for
// pdftotext, search and copy; a drawing stays out of it.
#include <vector>

#include "layout.h"

namespace kovgen {

struct Stamp {
  float width = 0;  // of the strokes
  layout::Color color;
  // Polylines in page coordinates (y downwards), on a grid of 0.5 pt: the stamp
  // is drawn on every page, so its numbers should be short.
  std::vector<std::vector<std::pair<float, float>>> strokes;
};

// The word in a plain monoline capital alphabet, rotated along the page's
// diagonal and centred on it. Pure.
Stamp draft_watermark(const layout::PageGeometry& page);

}  // namespace kovgen
