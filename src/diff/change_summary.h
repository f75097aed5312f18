#pragma once
// What changed from the previous agreement, in the words of a council paper's
// Sachverhalt (kovgen vorlage --vorher): the changed sections and the figures
// that changed, old and new.
#include <string>
#include <vector>

#include "agreement_diff.h"

namespace kovgen::diff {

// One changed figure: where it stands („§ 1 Absatz 2, GGS Lindenschule,
// Plätze“), its old and its new value.
struct ChangedFigure {
  std::string where, before, after;
};

// The changed figures (Angaben with digits), the agreement's own §§ first, then
// totals of its Anlagen, then the rest; each once.
std::vector<ChangedFigure> changed_figures(const AgreementDiff& diff);

// The Sachverhalt's Markdown on the changes (German, a document's text); empty
// when no wording changed.
std::string change_summary_markdown(const AgreementDiff& diff);

}  // namespace kovgen::diff
