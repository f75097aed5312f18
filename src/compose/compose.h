#pragma once
// Compose: answers + checklist findings + a checked template -> the Markdown
// draft. Pure: no file or clock access.
#include <cstdint>
#include <optional>
#include <string>

#include "answers.h"
#include "checklist.h"
#include "checklist_markdown.h"
#include "folded_body.h"
#include "german_format.h"
#include "questionnaire.h"
#include "representations.h"

namespace kovgen {

// Which of a question's representations (docs/template-format.md) some tag of the
// template reaches; the composer builds only those. A records question has one
// entry per field.
struct LoadedTemplate {
  Template questionnaire;
  FoldedBody body;  // the Mustache text with partials expanded and checked, folded
  // Per section and question, what the body's tags reach; left empty, every
  // representation is built.
  std::vector<std::vector<VariantUse>> variant_use;
  // The Beschlussvorlage (kovgen vorlage), when the template has one.
  std::optional<FoldedBody> council_paper;
  // Each declared annex alone (--anlagen getrennt), in the order of questionnaire.annexes.
  std::vector<FoldedBody> annex_bodies;
};

// The variant use per section and question, from the context paths that
// check_and_expand_template found the tags reaching.
std::vector<std::vector<VariantUse>> variant_use(const Template& t, const std::vector<std::string>& used_names);

struct ComposeOptions {
  // The "Stand" date when the answers give none (meta.stand): from SOURCE_DATE_EPOCH.
  std::optional<Date> stand_fallback;
  // --draft: status „Entwurf“, boxes and checklist appendix even when ready to sign.
  bool force_draft = false;
  // --ohne-checkliste: no checklist appendix, not even in a draft.
  bool without_checklist = false;
  // kovgen vorlage: the Beschlussvorlage for this body (Schulausschuss,
  // Jugendhilfeausschuss or Rat) instead of the agreement.
  std::string council_paper_for;
  // kovgen vorlage --vorher ALT.yaml: what changed from the previous agreement,
  // as Markdown made by the front-end (src/diff); empty without --vorher.
  std::string previous_changes;
  // The Synopse of those changes goes with the Vorlage as an Anlage.
  bool synopse_attached = false;
  // --anlagen getrennt: the agreement without its annexes; annex_only (an annex's
  // number) renders that annex alone, as its own document.
  bool annexes_separate = false;
  int annex_only = 0;
};

// The draft. findings come from evaluate_checklist and leave with what only the
// composed text tells: each section's heading, the document's order, the
// placeholders left and the Stand date. A draft that is not ready to sign (or
// force_draft) shows the checklist's boxes and appendix and the status
// „Entwurf“; a final version („Endfassung“) shows neither.
std::string compose_markdown(const LoadedTemplate& t, const Answers& answers, Findings& findings,
                             const ComposeOptions& options);

// Numbers "## § Titel" headings and "(#) " paragraphs, and tidies blank lines.
std::string number_paragraphs(const std::string& markdown);

}  // namespace kovgen
