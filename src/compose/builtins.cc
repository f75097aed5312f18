#include "builtins.h"

#include "annex_tables.h"
#include "german_format.h"
#include "placeholder.h"

namespace kovgen {

std::string checklist_mark(const std::string& what) { return kChecklistMarkOpen + what + kChecklistMarkClose; }

std::string stand_text(const Template& t, const Answers& answers, const ComposeOptions& options, bool short_form) {
  const Value* v = answers.find("meta.stand");
  if (v && v->type == QuestionType::date) return short_form ? format_date_short(v->date) : format_date_long(v->date);
  if (options.stand_fallback)
    return short_form ? format_date_short(*options.stand_fallback) : format_date_long(*options.stand_fallback);
  const Question* q = t.find_question("meta.stand");
  return q ? placeholder_of(*q) : placeholder_text("Stand");
}

namespace {

BuiltinValue text(std::string s) { return {std::move(s), false, {}}; }
BuiltinValue flag(bool b) { return {"", b, {}}; }

}  // namespace

const std::vector<Builtin>& kovgen_builtins() {
  // The agreement's own words (status) are German like the rest of its text.
  static const std::vector<Builtin> table = {
      {"checkliste_zusammenfassung", BuiltinKind::markdown,
       [](const BuiltinInputs&) { return text(checklist_mark("summary")); }},
      {"checkliste_tabelle", BuiltinKind::markdown, [](const BuiltinInputs&) { return text(checklist_mark("table")); }},
      {"checkliste_anhang", BuiltinKind::flag,
       [](const BuiltinInputs& in) { return flag(in.draft && !in.options.without_checklist); }},
      {"hinweis", BuiltinKind::section_flags,
       [](const BuiltinInputs& in) {
         BuiltinValue v;
         for (const auto& s : in.findings.sections) v.members.emplace_back(s.id, checklist_mark("flag:" + s.id));
         return v;
       }},
      {"stand", BuiltinKind::text,
       [](const BuiltinInputs& in) { return text(stand_text(in.t.questionnaire, in.answers, in.options, false)); }},
      {"stand_kurz", BuiltinKind::text,
       [](const BuiltinInputs& in) { return text(stand_text(in.t.questionnaire, in.answers, in.options, true)); }},
      {"vorlage", BuiltinKind::text, [](const BuiltinInputs& in) { return text(in.t.questionnaire.title); }},
      {"jugendliche", BuiltinKind::flag,
       [](const BuiltinInputs& in) { return flag(in.t.questionnaire.addresses_youths); }},
      {"status", BuiltinKind::text,
       [](const BuiltinInputs& in) { return text(in.draft ? "Entwurf" : "Endfassung"); }},
      {"vollstaendig", BuiltinKind::flag, [](const BuiltinInputs& in) { return flag(!in.draft); }},
      {"unterschriftsreif", BuiltinKind::flag, [](const BuiltinInputs& in) { return flag(!in.draft); }},
      {"entwurf", BuiltinKind::flag, [](const BuiltinInputs& in) { return flag(in.draft); }},
      {"unterschriftslinie", BuiltinKind::text, [](const BuiltinInputs&) { return text(std::string(40, '_')); }},
      // The Anlagen's computed parts (docs/annexes.md).
      {"platzuebersicht", BuiltinKind::markdown,
       [](const BuiltinInputs& in) { return text(places_overview_markdown(finance_inputs(in.answers))); }},
      {"finanzuebersicht", BuiltinKind::markdown,
       [](const BuiltinInputs& in) {
         const FinanceInputs finance = finance_inputs(in.answers);
         return text(finance_overview_markdown(finance, compute_finance(finance)));
       }},
      {"anlagenliste", BuiltinKind::markdown,
       [](const BuiltinInputs& in) { return text(annex_list_markdown(in.t.questionnaire, in.answers)); }},
      {"anlagen_getrennt", BuiltinKind::flag, [](const BuiltinInputs& in) { return flag(in.options.annexes_separate); }},
      // The Beschlussvorlage (kovgen vorlage --gremium).
      {"gremium", BuiltinKind::text, [](const BuiltinInputs& in) { return text(in.options.council_paper_for); }},
      {"gremium_rat", BuiltinKind::flag,
       [](const BuiltinInputs& in) { return flag(in.options.council_paper_for == "Rat"); }},
      // kovgen vorlage --vorher: the changes from the previous agreement, and
      // whether their Synopse goes with the Vorlage as an Anlage.
      {"synopse", BuiltinKind::flag, [](const BuiltinInputs& in) { return flag(in.options.synopse_attached); }},
      {"aenderungen", BuiltinKind::markdown, [](const BuiltinInputs& in) { return text(in.options.previous_changes); }},
      {"finanzielle_auswirkungen", BuiltinKind::markdown,
       [](const BuiltinInputs& in) {
         const FinanceInputs finance = finance_inputs(in.answers);
         return text(financial_effects_markdown(finance, compute_finance(finance)));
       }},
  };
  return table;
}

}  // namespace kovgen
