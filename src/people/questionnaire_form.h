#pragma once
// The questionnaire as a Word form (`kovgen questions -o fragebogen.docx`) and
// its answers read back (`kovgen import`). The form is the handout
// (questionnaire_markdown.h) with a content control wherever the handout has a
// line to write on or a box to tick; each control is named by its question's
// full key. A locked control "kovgen:vorlage" names the template, one
// "kovgen:abschnitte" the sections the form asks for.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "answers.h"
#include "docx_form.h"
#include "questionnaire.h"

namespace kovgen {

inline constexpr const char* kFormTemplateKey = "kovgen:vorlage";
inline constexpr const char* kFormSectionsKey = "kovgen:abschnitte";

struct QuestionnaireForm {
  std::string markdown;                // the handout, with form_marker paragraphs
  std::vector<FormControl> controls;   // one per marker
};

// The form for `sections` (ids; empty: all), with the answers in `known` filled in.
QuestionnaireForm questionnaire_form(const Template& t, const std::set<std::string>& sections,
                                     const Answers* known);

// The template id a form names, or "" when it is no kovgen form.
std::string form_template_id(const std::vector<FormEntry>& entries);

// The answers in a filled-in form, checked as an answers file is: every problem an
// error naming the question, its number and its section in the form. A question
// of the form whose control was deleted is an error; a control kovgen does not
// know, or one without a name, a warning, as is formatting that is dropped.
Answers answers_from_form(const std::vector<FormEntry>& entries, const Template& t, const std::string& file,
                          Diagnostics& diag);

}  // namespace kovgen
