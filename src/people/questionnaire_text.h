#pragma once
// German wording shared by everything that presents the questionnaire to people
// (init skeleton, interview, printable handout, check table): seed step titles,
// a question's facts, conditions in words, and word wrapping. The questions'
// own texts always come from the template.
#include <string>
#include <string_view>
#include <vector>

#include "condition.h"
#include "questionnaire.h"
#include "unicode.h"

namespace kovgen {

// The six seed steps: 1 "Planungsphase" ... 6 "Evaluation, Reflexion & Weiterentwicklung";
// "" outside 1..6.
const char* seed_step_title(int step);

// The sections grouped by seed step, questionnaire order within a step.
std::vector<const Section*> sections_in_step_order(const Template& t);

// "Pflichtabschnitt" or "empfohlener Abschnitt".
const char* section_kind(const Section& s);

// "Betrag in Euro · Pflichtangabe · erlaubt: 0 bis 10.000"
std::string question_facts(const Question& q);

// A question's example as a person would type it: ja/nein for booleans,
// 01.08.2026 for dates, 1.105,00 € for amounts; "" when there is none.
std::string example_text(const Question& q);

// The condition as a German clause after "wenn": "„Jugendamt ist Vertragspartei“ = ja",
// "„Träger“ ausgefüllt ist" (labels looked up in t).
std::string condition_text(const Condition& c, const Template& t);

// Splits text into lines of at most width terminal columns (display_width) at spaces; explicit line
// breaks are kept and blank lines stay blank. Longer words stay whole. A line
// starting with "- " continues with a hanging indent of two spaces.
std::vector<std::string> wrap_text(std::string_view text, size_t width);

}  // namespace kovgen
