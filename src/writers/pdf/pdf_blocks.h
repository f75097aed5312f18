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

// Pure: the same tree always gives the same blocks.
PdfContent pdf_blocks(cmark_node* root);

// Applies layout::resolve_glyphs to every run: code points the fonts lack are
// replaced visibly and reported as warnings.
void resolve_pdf_glyphs(PdfContent& content, const layout::GlyphMetrics& metrics,
                        Diagnostics& diag);

}  // namespace kovgen
