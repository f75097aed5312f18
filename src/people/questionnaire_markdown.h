#pragma once
// The questionnaire as a printable handout ("kovgen questions"), in the Markdown
// every writer reads: sections under their seed step, each question with its help,
// type, example and condition, choices as boxes to tick and blank lines to write on.
// Written through the output-format table, so it exists as .md, .docx and .pdf.
#include <functional>
#include <set>
#include <string>

#include "questionnaire.h"

namespace kovgen {

std::string questionnaire_markdown(const Template& t);

// What the Word form (questionnaire_form.h) does differently from the handout.
struct HandoutVariant {
  std::set<std::string> sections;  // ids; empty: every section (numbers stay those of the whole questionnaire)
  std::string intro;               // replaces the handout's note on filling in
  std::string preface;             // Markdown after the note
  // Writes the space for an answer, or returns false to leave it to the handout.
  // The three lines for who fills in, where and when come as questions keyed
  // "kovgen:ausgefuellt_von", "kovgen:einrichtung", "kovgen:datum".
  std::function<bool(const Question&, std::string& out)> answer_space;
  // A table's rows and what goes in each cell (Markdown), instead of empty rows.
  std::function<int(const Question& records)> table_rows;
  std::function<std::string(const Question& records, int row, size_t column)> table_cell;
};

std::string questionnaire_markdown(const Template& t, const HandoutVariant& variant);

}  // namespace kovgen
