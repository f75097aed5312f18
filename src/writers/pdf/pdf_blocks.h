#pragma once
// The PDF writer's typography: the cmark-gfm tree of the draft as layout blocks
// with styled runs (docs/markdown-conventions.md says what each construct means).
#include <vector>

#include "layout.h"
#include "markdown_tree.h"

namespace kovgen {

struct PdfContent {
  std::vector<layout::Block> blocks;
  std::vector<layout::Box> boxes;
  // The parts that count their own pages (the Anlagen), from the page-numbering markers.
  std::vector<layout::NumberingStart> numbering;
};

// Pure: the same tree always gives the same blocks. With change_marks, bold is
// new wording (kInsertedColor, underlined) and struck text old (kRemovedColor).
PdfContent pdf_blocks(cmark_node* root, bool change_marks = false);

inline constexpr layout::Color kInsertedColor{0.0f, 0.314f, 0.706f};
inline constexpr layout::Color kRemovedColor{0.753f, 0.0f, 0.0f};

// Applies layout::resolve_glyphs to every run: code points the fonts lack are
// replaced visibly and reported as warnings.
void resolve_pdf_glyphs(PdfContent& content, const layout::GlyphMetrics& metrics,
                        Diagnostics& diag);

}  // namespace kovgen
