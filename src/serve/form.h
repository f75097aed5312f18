#pragma once
// The questionnaire as an HTML form and back: which input each question gets, the
// text it shows, and reading a posted section into answers through the very
// reader the answers files go through (read_answers), so that a bad amount gets
// the CLI's German message, attached to its field.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "answers.h"
#include "questionnaire.h"

namespace kovgen::serve {

// The posted fields by input name ("f.finanzierung.eigenanteil_je_platz",
// table cells "f.gremien.sitzungen.2.datum", row counts "n.gremien.sitzungen").
using FormFields = std::map<std::string, std::string>;

std::string input_name(const Question& q);
std::string cell_name(const Question& table, size_t row, const Question& field);
std::string row_count_name(const Question& table);

// What each input shows for the answers (lists one item per line, tables by cell,
// with their row counts), as the answers file would say it.
FormFields form_texts(const Section& s, const Answers& answers);

struct SectionInput {
  Answers answers;                             // the section's valid answers
  std::map<std::string, std::string> errors;   // input name -> German message
};

// Reads one section's posted fields. A table gets rows as posted; a row whose
// cells are all empty is left out.
SectionInput read_section(const Template& t, const Section& s, const FormFields& posted);

// The answers file with the section's questions set to `input` (emptied where
// unanswered), every other line kept; nullopt with *error for text that is not
// block YAML.
std::optional<std::string> apply_section(const std::string& answers_text, const Template& t, const Section& s,
                                         const Answers& input, std::string* error);
// The same edit made on the whole text, question by question: what apply_section
// must equal byte for byte (tests compare them).
std::optional<std::string> apply_section_to_whole_text(const std::string& answers_text, const Template& t,
                                                       const Section& s, const Answers& input, std::string* error);

}  // namespace kovgen::serve
