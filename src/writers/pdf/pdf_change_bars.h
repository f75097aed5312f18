#pragma once
// Change bars, as lawyers know them from marked-up contracts: a rule in the left
// margin beside every line that shows new or old wording of a comparison.
#include <vector>

#include "layout.h"

namespace kovgen {

// Adds a bar beside every line with text in kInsertedColor or kRemovedColor
// (pdf_blocks with change_marks); bars of touching lines join into one.
void add_change_bars(std::vector<layout::Page>& pages, const layout::PageGeometry& geometry);

}  // namespace kovgen
