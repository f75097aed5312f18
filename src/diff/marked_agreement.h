#pragma once
// The new agreement with its changes marked, for print (kovgen diff -o X.pdf):
// a summary of the changed sections first, then the agreement with new words
// in bold and old words struck, which the writers show in change colours
// (WriterOptions::change_marks).
#include <string>

#include "agreement_diff.h"

namespace kovgen::diff {

// `comparison` is of two rendered agreements (kovgen Markdown). The agreements'
// own bold is dropped, so that bold means new.
std::string marked_agreement_markdown(const AgreementDiff& comparison);

}  // namespace kovgen::diff
