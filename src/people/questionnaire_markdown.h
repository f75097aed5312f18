#pragma once
// The questionnaire as a printable handout ("kovgen questions"), in the Markdown
// every writer reads: sections under their seed step, each question with its help,
// type, example and condition, choices as boxes to tick and blank lines to write on.
// Written through the output-format table, so it exists as .md, .docx and .pdf.
#include <string>

#include "questionnaire.h"

namespace kovgen {

std::string questionnaire_markdown(const Template& t);

}  // namespace kovgen
