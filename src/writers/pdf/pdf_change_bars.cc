#include "pdf_change_bars.h"

#include <algorithm>
#include <utility>

#include "pdf_blocks.h"

namespace kovgen {
namespace {

// Left of the text area, clear of list markers that hang into the margin.
constexpr float kBarDistance = 12;
constexpr float kBarWidth = 1.5f;

}  // namespace

void add_change_bars(std::vector<layout::Page>& pages, const layout::PageGeometry& geometry) {
  const float x = geometry.margin_left - kBarDistance;
  for (layout::Page& page : pages) {
    std::vector<std::pair<float, float>> spans;  // top and bottom of each marked line
    for (const layout::TextOp& t : page.texts)
      if (t.style.color == kInsertedColor || t.style.color == kRemovedColor)
        spans.emplace_back(t.y - t.style.size * 0.8f, t.y + t.style.size * 0.25f);
    std::sort(spans.begin(), spans.end());
    for (size_t i = 0; i < spans.size();) {
      float top = spans[i].first, bottom = spans[i].second;
      for (++i; i < spans.size() && spans[i].first <= bottom + 1; ++i) bottom = std::max(bottom, spans[i].second);
      page.lines.push_back({x, top, x, bottom, kBarWidth, kInsertedColor});
    }
  }
}

}  // namespace kovgen
