#pragma once
// The Anlagen as the draft shows them (docs/annexes.md): the computed tables of
// Anlage 1 and Anlage 3, the list of Anlagen in the final clauses, and the
// Mustache text that appends every declared annex to the agreement.
#include <string>

#include "answers.h"
#include "finance.h"
#include "questionnaire.h"

namespace kovgen {

// The name under which a template's body includes its annexes: `{{> anlagen}}`.
inline constexpr const char* kAnnexesPartial = "anlagen";

// Each declared annex after a page break, under its heading „Anlage 3 zur
// Kooperationsvereinbarung vom …“ and its title, its body included as a partial.
// Empty when the template declares none.
// Left out with --anlagen getrennt. only_number renders just that annex, as a
// document of its own.
std::string annexes_partial_text(const Template& t, int only_number = 0);

// Anlage 1: per site and school year the places, those for children with SPF,
// the groups and the year groups with the Rechtsanspruch.
std::string places_overview_markdown(const FinanceInputs& in);

// Anlage 3: per school year and site the lines of each funding source, the sums
// per source and in total and the monthly Abschlag; a missing input leaves its
// lines and every total built on it as placeholders, under a box naming it.
std::string finance_overview_markdown(const FinanceInputs& in, const FinanceOverview& overview);

// The Beschlussvorlage's „Finanzielle Auswirkungen“: per school year the Land's
// funds, the municipality's amounts and its own share (highlighted), and the total.
std::string financial_effects_markdown(const FinanceInputs& in, const FinanceOverview& overview);

// The list of Anlagen in the final clauses: the declared annexes and the ones
// the answers name (schlussbestimmungen.anlagen), by number; an answer naming a
// declared number gives way to the declared annex.
std::string annex_list_markdown(const Template& t, const Answers& answers);

}  // namespace kovgen
