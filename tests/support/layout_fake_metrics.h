#pragma once
// A fixed-width fake font for layout tests: every glyph is half an em wide, so at
// 10 pt each character, the space included, is exactly 5 pt.
#include <set>

#include "layout.h"

namespace kovgen::test {

class FakeMetrics : public layout::GlyphMetrics {
 public:
  // Code points that no text face has; the symbol face has those in `symbol_has`.
  std::set<char32_t> missing;
  std::set<char32_t> symbol_has;

  int advance(layout::Face face, char32_t cp) const override {
    if (face == layout::Face::symbol) return symbol_has.count(cp) ? 500 : -1;
    return missing.count(cp) ? -1 : 500;
  }
};

inline layout::Run run(const std::string& text, layout::Face face = layout::Face::regular,
                       float size = 10) {
  return layout::Run{text, layout::Style{face, size}, {}};
}

// The text of a line, ops joined in order.
inline std::string line_text(const layout::Line& line) {
  std::string s;
  for (const auto& op : line.texts) s += op.text;
  return s;
}

}  // namespace kovgen::test
