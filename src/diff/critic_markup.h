#pragma once
// The comparison as Markdown with CriticMarkup ({++ ++}, {-- --}, {~~ ~> ~~}),
// for people who review in a text editor.
#include <string>

#include "agreement_diff.h"

namespace kovgen::diff {

// The new agreement with every change marked where it happened; removed
// sections and blocks stand where they were.
std::string critic_markup(const AgreementDiff& diff);

// How marked_markdown marks changes.
struct MarkStyle {
  std::string added_open, added_close, removed_open, removed_close;
  // Removed words followed by added ones as one substitution ({~~old~>new~~}).
  bool critic_substitution = false;
  // When set, a whole added or removed block gets this one mark after its
  // Markdown lead ("- ", "## ", the first cell) instead of its text being wrapped.
  std::string block_added, block_removed;
  // White space at a change's ends stays outside its marks, as Markdown's
  // emphasis needs ("**new** words", not "**new **words").
  bool space_outside = false;
};

// The new agreement with the old one's removed parts in place, marked by `style`.
std::string marked_markdown(const AgreementDiff& diff, const MarkStyle& style);

}  // namespace kovgen::diff
